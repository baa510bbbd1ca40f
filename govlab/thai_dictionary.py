"""PyThaiNLP's Thai word list in a form that costs a tenth of the memory.

The newmm segmenter asks its dictionary for the words that start at a position of
the text. PyThaiNLP answers from a trie with a Python dict per letter: about 63 MB
in every app process for its 62,000 words, which is most of a worker's memory. The
same answers come from a set of the words (about 10 MB, and PyThaiNLP keeps that set
anyway), by looking up each slice up to the longest word's length: a search query
is short, so the few extra lookups cost microseconds.
"""

from collections.abc import Iterable, Iterator
from functools import cache

from pythainlp.corpus import thai_words


class WordSet:
    """Has what newmm uses of pythainlp.util.Trie: prefixes(), `in`, len()."""

    def __init__(self, words: Iterable[str]):
        self._words = frozenset(words)
        self._longest = max(map(len, self._words), default=0)

    def prefixes(self, text: str, start: int = 0) -> list[str]:
        """Words that start at ``start`` in ``text``, shortest first."""
        words = self._words
        end = min(len(text), start + self._longest)
        return [
            text[start:stop]
            for stop in range(start + 1, end + 1)
            if text[start:stop] in words
        ]

    def __contains__(self, word: object) -> bool:
        return word in self._words

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)


@cache
def thai_dictionary() -> WordSet:
    return WordSet(thai_words())
