"""Searching the project list (?q=): Thai words, abbreviations, ranking, marking."""

import re
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from projects.filters import ProjectFilter
from projects.models import Project
from projects.selectors import project_published
from tests import search_registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    return search_registry.build(make_agency, make_issue_area, make_project, make_event)


def found(q, **filters):
    filterset = ProjectFilter({"q": q, **filters}, queryset=project_published())
    assert filterset.is_valid(), filterset.errors
    return [project.slug for project in filterset.qs]


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def shown(html):
    return re.findall(r'<a href="/(?:th|en)/projects/([\w-]+)/">', html)


def test_a_word_inside_a_compound_is_found(registry):
    """ยาเสพติด finds ...การป้องกันและปราบปรามยาเสพติด; ท่องเที่ยว finds การท่องเที่ยว."""
    assert found("ยาเสพติด") == ["drug-prevention-prototype"]
    assert found("ท่องเที่ยว") == ["community-tourism"]


def test_a_compound_typed_whole_is_found(registry):
    """ปราบปรามยาเสพติด, typed without a space, finds the drug prevention project."""
    assert found("ปราบปรามยาเสพติด") == ["drug-prevention-prototype"]


def test_tone_marks_and_vowels_count(registry, make_project):
    """ที่ดิน finds the land project; ข่าว (news) does not find ข้าว (rice).

    On PostgreSQL pg_trgm reads tone marks as separators, so both words give the
    same trigrams: the index may offer the rice project, the LIKE recheck drops it.
    """
    make_project(title_th="ส่งเสริมการปลูกข้าว", slug="rice")
    assert found("ที่ดิน") == ["land-services-prototype"]
    assert found("ข้าว") == ["rice"]
    assert found("ข่าว") == []


def test_persons_with_disabilities_in_two_wordings(registry):
    """พิการ finds both projects; ผู้พิการ and คนพิการ each find their own wording."""
    assert set(found("พิการ")) == {"disability-prototype", "the-guide-light"}
    assert found("ผู้พิการ") == ["the-guide-light"]
    # The guide is on the issue area การส่งเสริมคุณภาพชีวิตคนพิการ.
    assert set(found("คนพิการ")) == {"disability-prototype", "the-guide-light"}


def test_mixed_thai_and_english(registry):
    """PAI ตำรวจ, with or without the space, finds the PAI Chatbot only."""
    assert found("PAI ตำรวจ") == ["pai-chatbot"]
    assert found("PAIตำรวจ") == ["pai-chatbot"]
    assert set(found("ตำรวจ")) == {"pai-chatbot", "community-data-pinning"}


@pytest.mark.parametrize("q", ["กทม.", "กทม", "BMA", "bma", "กรุงเทพฯ"])
def test_abbreviation_finds_the_agency_projects(registry, q):
    """กทม., BMA and กรุงเทพฯ find the projects the BMA leads or takes part in."""
    assert set(found(q)) == {"community-tourism", "community-data-pinning"}


def test_every_term_must_match(registry):
    """Two words find only the projects holding both."""
    assert found("ชุมชน ท่องเที่ยว") == ["community-tourism"]
    assert found("ท่องเที่ยว ยาเสพติด") == []


def test_like_wildcards_in_the_query_are_plain_characters(registry):
    """_ and % inside a word match themselves, not any character."""
    assert found("drug%suppression") == []
    assert found("pai_chatbot") == []
    assert found("pai\\chatbot") == []


def test_search_ignores_the_page_language(registry):
    """Thai finds a Thai-only project on an English page; English works on Thai."""
    with translation.override("en"):
        assert found("ที่ดิน") == ["land-services-prototype"]
    assert found("chatbot") == ["pai-chatbot"]


def test_title_match_ranks_above_summary_above_description(registry, make_project):
    """Best match first, even when the description-only project is the newest."""
    customs = "กรมศุลกากร"
    make_project(title_th=f"ต้นแบบนวัตกรรม {customs}", slug="in-title")
    make_project(summary_th=f"ร่วมกับ{customs}", slug="in-summary")
    make_project(description_th=f"ทดลองกับ{customs}", slug="in-description")
    assert found("ศุลกากร") == ["in-title", "in-summary", "in-description"]


def test_ties_in_relevance_go_newest_first(registry, make_project):
    """Two title matches: the more recently updated one comes first."""
    older = make_project(title_th="ศุลกากรดิจิทัล", slug="older")
    make_project(title_th="ศุลกากรไร้กระดาษ", slug="newer")
    assert found("ศุลกากร") == ["newer", "older"]
    older.save()
    assert found("ศุลกากร") == ["older", "newer"]


def test_a_chosen_sort_replaces_relevance(registry, make_project):
    """sort=title orders the matches by title instead."""
    make_project(title_th="ข ศุลกากร", slug="b-customs")
    make_project(description_th="ก ศุลกากร", title_th="ก", slug="a-customs")
    assert found("ศุลกากร") == ["b-customs", "a-customs"]
    assert found("ศุลกากร", sort="title") == ["a-customs", "b-customs"]


def test_best_match_is_offered_and_chosen_only_with_a_query(client, registry):
    """With a query the sort select has Best match selected; without, no such option."""
    html = page(client, "/en/projects/?q=ตำรวจ")
    assert re.search(r'<option value="relevance" selected>Best match</option>', html)
    assert 'value="relevance"' not in page(client, "/en/projects/")


def test_best_match_without_a_query_is_not_an_error(client, registry):
    """?sort=relevance alone (a cleared search) lists every project, newest first."""
    html = page(client, "/en/projects/?sort=relevance&q=")
    assert len(shown(html)) == 7
    assert "errorlist" not in html


def test_no_result_says_so(client, registry):
    """A query matching nothing shows 0 projects and the no-match message."""
    html = page(client, "/en/projects/?q=ไม่มีโครงการนี้")
    assert shown(html) == []
    assert "0 projects found" in html
    assert "No projects match these filters." in html


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE projects_project; --",
        '"ยาเสพติด',
        "%",
        "_",
        "\\",
        "100%_\\'\"",
        "ยา\x00เสพติด",
        "🚀 ยาเสพติด 🎉",
        "مرحبا שלום \u202e",
        "ก" * 10_000,
        "ยาเสพติด " * 2_000,
    ],
)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_hostile_queries_give_a_normal_page(client, registry, q, lang):
    """Quotes, wildcards, NUL, emoji, RTL text and 10,000 characters: a 200 page."""
    html = page(client, f"/{lang}/projects/?{urlencode({'q': q})}")
    assert "errorlist" not in html
    assert "\x00" not in html


def test_hostile_queries_still_find_what_they_name(registry):
    """NUL, quotes and emoji around a word are dropped; the word is still found."""
    assert found("ยา\x00เสพติด") == ["drug-prevention-prototype"]
    assert found('"ยาเสพติด"🚀') == ["drug-prevention-prototype"]
    assert found("%") == []


def test_matches_are_marked_in_the_list(client, registry):
    """The searched word is wrapped in <mark> in the project's title and summary."""
    html = page(client, "/th/projects/?q=ตำรวจ")
    assert "ปัญญาประดิษฐ์<mark>ตำรวจ</mark> (PAI Chatbot)" in html
    assert "ข้อมูลสถานี<mark>ตำรวจ</mark>สำหรับประชาชน" in html


def test_marking_keeps_titles_escaped(client, registry, make_project):
    """A title holding <script> is shown as text around the <mark>."""
    make_project(title_th="<script>alert('x')</script> ศุลกากร", slug="scripted")
    html = page(client, "/th/projects/?q=ศุลกากร")
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; <mark>ศุลกากร</mark>" in html
    )
    assert "<script>alert" not in html


def test_english_page_marks_the_thai_only_title(client, registry):
    """/en/ with a Thai word shows the Thai-only title, marked, and says Thai only."""
    html = page(client, "/en/projects/?q=ที่ดิน")
    assert shown(html) == ["land-services-prototype"]
    assert "การให้บริการด้าน<mark>ที่ดิน</mark>" in html
    assert "Thai only" in html


def test_search_costs_the_same_queries_for_3_or_30_matches(
    client, registry, make_project
):
    """The searched list's query count does not grow with the matches."""
    url = "/th/projects/?q=กทม."
    make_project(title_th="ศุลกากร 0", lead_agency=registry.agencies.bma)
    with CaptureQueriesContext(connection) as few:
        assert len(shown(page(client, url))) == 3
    for n in range(1, 28):
        make_project(title_th=f"ศุลกากร {n}", lead_agency=registry.agencies.bma)
    with CaptureQueriesContext(connection) as many:
        assert len(shown(page(client, url))) == 20
    assert len(many) == len(few)


def test_trigram_indexes_serve_the_search_on_postgresql(registry):
    """PostgreSQL: Django's icontains can use the Thai-aware trigram indexes.

    SQLite has no such indexes: the migration leaves it alone, same results.
    """
    query = Project.objects.filter(title_th__icontains="ท่องเที่ยว")
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE '%trgm'")
            assert cursor.fetchall() == []
        assert [p.slug for p in query] == ["community-tourism"]
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'"
        )
        # Project titles (the admin's search), agencies' and events' columns;
        # project summaries and descriptions are searched through search_text.
        assert len({name for (name,) in cursor.fetchall()}) == 14
        # A database whose LC_CTYPE is C would give no trigrams for Thai letters.
        cursor.execute("SELECT cardinality(show_trgm('การท่องเที่ยว'))")
        assert cursor.fetchone()[0] > 0
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "projects_project_title_th_trgm" in query.explain()
    assert [p.slug for p in query] == ["community-tourism"]
