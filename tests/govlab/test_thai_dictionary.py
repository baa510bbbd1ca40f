"""The compact Thai word list splits queries exactly as PyThaiNLP's own trie does."""

import pytest
from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.util import Trie

from govlab.thai_dictionary import WordSet, thai_dictionary

PHRASES = [
    "การป้องกันและปราบปรามยาเสพติด",
    "การท่องเที่ยวเชิงสุขภาพ",
    "ใบขับขี่ดิจิทัลกรมการขนส่งทางบก",
    "บริการออกโฉนดที่ดินออนไลน์ของกรุงเทพมหานคร",
    "ศูนย์บริการคนพิการ กทม. และ BMA 2568",
    "ข่าวข้าวเข้าใจ",
    "ห้องปฏิบัติการนวัตกรรมภาครัฐ",
]


@pytest.fixture(scope="module")
def trie():
    return Trie(thai_words())


@pytest.mark.parametrize("phrase", PHRASES)
def test_segments_like_the_trie(phrase, trie):
    assert word_tokenize(
        phrase, engine="newmm", custom_dict=thai_dictionary()
    ) == word_tokenize(phrase, engine="newmm", custom_dict=trie)


@pytest.mark.parametrize("phrase", PHRASES)
def test_prefixes_like_the_trie(phrase, trie):
    for start in range(len(phrase)):
        assert thai_dictionary().prefixes(phrase, start) == trie.prefixes(phrase, start)


def test_membership_and_size():
    words = WordSet(["ที่ดิน", "ที่", "ดิน"])
    assert "ที่ดิน" in words
    assert "ดินแดน" not in words
    assert len(words) == 3
    assert words.prefixes("ที่ดินทำกิน") == ["ที่", "ที่ดิน"]
    assert WordSet([]).prefixes("ที่ดิน") == []
