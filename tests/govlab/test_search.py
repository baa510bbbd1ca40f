"""Reading a search query, and marking its words in text (govlab.search)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from govlab.search import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    clean,
    highlight,
    parse_query,
    snippet,
)

pytestmark = pytest.mark.django_db


def texts(raw):
    return [term.text for term in parse_query(raw).terms]


def test_unspaced_thai_is_split_into_words_and_kept_whole():
    """ปราบปรามยาเสพติด matches whole, or as ปราบปราม and ยาเสพติด."""
    (term,) = parse_query("ปราบปรามยาเสพติด").terms
    assert term.text == "ปราบปรามยาเสพติด"
    assert term.words == ("ปราบปราม", "ยาเสพติด")


def test_a_compound_the_segmenter_keeps_whole_is_one_term():
    """การท่องเที่ยว stays one word: the substring match finds ท่องเที่ยว inside it."""
    (term,) = parse_query("การท่องเที่ยว").terms
    assert (term.text, term.words) == ("การท่องเที่ยว", ())


def test_mixed_thai_and_english_with_and_without_spaces():
    """PAI ตำรวจ gives two terms; PAIตำรวจ one term made of both words."""
    assert texts("PAI ตำรวจ") == ["pai", "ตำรวจ"]
    (term,) = parse_query("PAIตำรวจ").terms
    assert term.words == ("pai", "ตำรวจ")


def test_tone_marks_and_vowels_are_kept():
    """Thai vowels and tone marks are combining marks, not punctuation to strip."""
    assert texts("ที่ดิน") == ["ที่ดิน"]
    assert texts("ผู้พิการ") == ["ผู้พิการ"]
    assert parse_query("ผู้พิการ").terms[0].words == ("ผู้", "พิการ")


def test_common_typing_variants_are_normalised():
    """Nikhahit + sara aa becomes sara am, and a tone mark typed first is reordered."""
    assert texts("กํา") == ["กำ"]
    assert texts("ก้ัน") == ["กั้น"]


def test_punctuation_around_words_is_dropped_but_abbreviations_keep_their_dots():
    """Quotes and a final dot go; the dots inside ก.พ.ร. stay."""
    assert texts('"PAI"  (Chatbot)!') == ["pai", "chatbot"]
    assert texts("กทม.") == ["กทม"]
    assert texts("สำนักงาน ก.พ.ร.") == ["สำนักงาน", "ก.พ.ร"]
    assert texts("กรุงเทพฯ ต่างๆ") == ["กรุงเทพ", "ต่าง"]


def test_single_letters_count_only_when_they_are_the_whole_query():
    """ก alone is searched; beside a longer word it is left out."""
    assert texts("ก") == ["ก"]
    assert texts("ก ยาเสพติด") == ["ยาเสพติด"]


@pytest.mark.parametrize(
    "raw", ["%", "_", "\\", "''\"", "\x00", "🚀🎉", "   ", "", None, "\u202e\u200b"]
)
def test_nothing_searchable_gives_no_terms(raw):
    """Punctuation, NUL, emoji and invisible characters alone search for nothing."""
    assert not parse_query(raw)


def test_control_and_direction_characters_are_removed():
    """NUL breaks PostgreSQL and a right-to-left override garbles the page: gone."""
    assert clean("ยา\x00เสพติด\u202e ") == "ยาเสพติด"
    assert texts("ยา\x00เสพติด") == ["ยาเสพติด"]


def test_a_very_long_query_is_cut_not_refused():
    """A 10,000-character query keeps 200 characters and at most ten terms."""
    query = parse_query(" ".join(f"word{n}" for n in range(2000)))
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert len(query.terms) == MAX_TERMS
    assert len(parse_query("ก" * 10_000).text) == MAX_QUERY_LENGTH


def test_highlight_marks_matches_in_escaped_text():
    """Markup in the text stays text; only <mark> is added."""
    html = highlight("<script>ยาเสพติด</script>", parse_query("ยาเสพติด"))
    assert html == "&lt;script&gt;<mark>ยาเสพติด</mark>&lt;/script&gt;"


def test_highlight_keeps_the_case_of_the_text():
    """pai marks PAI as written."""
    html = highlight("Police AI (PAI Chatbot)", parse_query("pai"))
    assert html == "Police AI (<mark>PAI</mark> Chatbot)"


def test_highlight_marks_the_whole_compound_or_its_words():
    """A compound typed whole is marked whole; its words are marked where apart."""
    query = parse_query("ปราบปรามยาเสพติด")
    assert highlight("ปราบปรามยาเสพติด", query) == "<mark>ปราบปรามยาเสพติด</mark>"
    assert highlight("ปราบปรามและยาเสพติด", query) == (
        "<mark>ปราบปราม</mark>และ<mark>ยาเสพติด</mark>"
    )


def test_highlight_never_separates_a_tone_mark_from_its_letter():
    """ที found in ที่ดิน marks ที่, mark included, not a bare ที."""
    assert highlight("ที่ดิน", parse_query("ที")) == "<mark>ที่</mark>ดิน"


def test_highlight_of_a_query_with_markup_characters():
    """A query holding < and & matches them as text and stays escaped."""
    assert (
        highlight("R&D <lab>", parse_query("R&D")) == "<mark>R&amp;D</mark> &lt;lab&gt;"
    )


def test_highlight_without_query_only_escapes():
    """No query: the text comes back escaped and unmarked."""
    assert highlight("<b>ที่ดิน</b>", parse_query("")) == "&lt;b&gt;ที่ดิน&lt;/b&gt;"


def test_snippet_is_a_short_extract_around_the_first_match():
    """A long description gives an extract holding the marked word, with ellipses."""
    text = "ก่อนหน้า " * 40 + "การบำบัดผู้เสพยาเสพติด" + " ต่อจากนั้น" * 40
    extract = snippet(text, parse_query("ยาเสพติด"))
    assert "<mark>ยาเสพติด</mark>" in extract
    assert extract.startswith("…") and extract.endswith("…")
    assert len(extract) < 260


def test_snippet_of_text_without_a_match_is_none():
    """No match in the text: no extract, so the page can show something else."""
    assert snippet("ลดขั้นตอนการบำบัด", parse_query("ที่ดิน")) is None
    assert snippet("", parse_query("ที่ดิน")) is None


def render(source, **context):
    return Template("{% load search %}" + source).render(Context(context))


def test_highlighted_tag_marks_thai_fallback_on_english_pages(make_project):
    """On an English page a Thai-only title is marked Thai-only, and its match too."""
    project = make_project(title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน", title_en="")
    with translation.override("en"):
        html = render(
            '{% highlighted project "title" %}',
            project=project,
            search_query=parse_query("ที่ดิน"),
        )
    assert '<span lang="th">ต้นแบบนวัตกรรม การให้บริการด้าน<mark>ที่ดิน</mark></span>' in html
    assert "Thai only" in html


def test_highlighted_tag_reads_q_from_the_request(make_project):
    """Without search_query in the context, the request's ?q= is marked."""
    project = make_project(title_th="ปัญญาประดิษฐ์ตำรวจ (PAI Chatbot)")
    request = RequestFactory().get("/th/projects/", {"q": "ตำรวจ"})
    html = render('{% highlighted project "title" %}', project=project, request=request)
    assert html == "ปัญญาประดิษฐ์<mark>ตำรวจ</mark> (PAI Chatbot)"


def test_snippet_tag_uses_the_other_language_when_only_it_matches(make_project):
    """A word only the Thai summary holds is shown on an English page, lang=th."""
    project = make_project(summary_th="ลดขั้นตอนการบำบัดผู้เสพ", summary_en="Fewer steps")
    with translation.override("en"):
        html = render(
            '{% search_snippet project "summary" "description" %}',
            project=project,
            search_query=parse_query("บำบัด"),
        )
    assert html == '<span lang="th">ลดขั้นตอนการ<mark>บำบัด</mark>ผู้เสพ</span>'


def test_highlight_filter_escapes(make_project):
    """{{ text|highlight:query }} escapes the text and marks the words."""
    html = render("{{ text|highlight:q }}", text="<i>BMA</i>", q="bma")
    assert html == "&lt;i&gt;<mark>BMA</mark>&lt;/i&gt;"
