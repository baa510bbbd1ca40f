"""The site-wide search page /<lang>/search/: projects, agencies and events."""

import re
from urllib.parse import quote, urlencode

import html5lib
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import search_registry

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    return search_registry.build(make_agency, make_issue_area, make_project, make_event)


def search(client, q, lang="th"):
    response = client.get(f"/{lang}/search/?{urlencode({'q': q})}")
    assert response.status_code == 200
    return response


def slugs(section):
    return [record.slug for record in section.best]


def test_three_sections_with_counts(client, registry):
    """ตำรวจ finds projects, the police agency and the hackathon, each counted."""
    response = search(client, "ตำรวจ")
    results = response.context["results"]
    assert set(slugs(results.projects)) == {"pai-chatbot", "community-data-pinning"}
    assert slugs(results.agencies) == ["royal-thai-police"]
    assert slugs(results.events) == ["my-better-country-hackathon-2019"]
    html = response.content.decode()
    for heading, count in (("โครงการ|Projects", 2), ("หน่วยงาน|Agencies", 1)):
        assert re.search(rf"<h2[^>]*>(?:{heading}) <span[^>]*>\({count}\)", html)


def test_only_published_projects_and_events(client, registry):
    """ยาเสพติด finds the published project and workshop, not the drafts."""
    results = search(client, "ยาเสพติด").context["results"]
    assert slugs(results.projects) == ["drug-prevention-prototype"]
    assert slugs(results.events) == ["drug-prevention-workshop"]
    assert results.count == 2


@pytest.mark.parametrize("q", ["กทม.", "BMA"])
def test_abbreviation_finds_the_agency_and_its_projects(client, registry, q):
    """กทม. and BMA find the Bangkok Metropolitan Administration and its projects."""
    results = search(client, q).context["results"]
    assert slugs(results.agencies) == ["bangkok-metropolitan-administration"]
    assert set(slugs(results.projects)) == {
        "community-tourism",
        "community-data-pinning",
    }


def test_links_to_the_project_list_with_the_same_query(client, registry):
    """The projects section links to /<lang>/projects/?q= with the same words."""
    html = search(client, "ท่องเที่ยว", lang="en").content.decode()
    assert f'href="/en/projects/?q={quote("ท่องเที่ยว")}"' in html


def test_project_order_is_by_relevance(client, registry, make_project):
    """A title match is listed before a summary match, before a description match."""
    make_project(description_th="ทดลองกับกรมศุลกากร", slug="in-description")
    make_project(summary_th="ร่วมกับกรมศุลกากร", slug="in-summary")
    make_project(title_th="ต้นแบบนวัตกรรม กรมศุลกากร", slug="in-title")
    results = search(client, "ศุลกากร").context["results"]
    assert slugs(results.projects) == ["in-title", "in-summary", "in-description"]


def test_matches_are_marked_and_text_stays_escaped(client, registry, make_project):
    """Titles and extracts mark the words; a <script> title is shown as text."""
    make_project(
        title_th="<script>alert(1)</script> ศุลกากร",
        description_th="ก่อน " * 60 + "ระบบศุลกากรไร้กระดาษ" + " หลัง" * 60,
        slug="scripted",
    )
    html = search(client, "ศุลกากร").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>ศุลกากร</mark>" in html
    assert "<script>alert" not in html
    assert re.search(r"…[^<]*ระบบ<mark>ศุลกากร</mark>ไร้กระดาษ[^<]*…", html)


def test_english_page_finds_thai_only_records(client, registry):
    """/en/search/?q=ที่ดิน finds the project whose title exists only in Thai."""
    response = search(client, "ที่ดิน", lang="en")
    assert slugs(response.context["results"].projects) == ["land-services-prototype"]
    html = response.content.decode()
    assert '<span lang="th">ต้นแบบนวัตกรรม การให้บริการด้าน<mark>ที่ดิน</mark></span>' in html
    assert "Thai only" in html


def test_thai_page_finds_english_words(client, registry):
    """/th/search/?q=Chatbot finds the PAI Chatbot, marked in its Thai title."""
    response = search(client, "Chatbot")
    assert slugs(response.context["results"].projects) == ["pai-chatbot"]
    assert "(PAI <mark>Chatbot</mark>)" in response.content.decode()


def test_no_result_message(client, registry):
    """Nothing found: a status message says so, and each section says none."""
    html = search(client, "ไม่มีคำนี้ในทะเบียน", lang="en").content.decode()
    assert "Nothing matches" in html
    assert "No project matches." in html


def test_empty_query_shows_the_form_only(client, registry):
    """Without q the page asks for words and runs no search."""
    with CaptureQueriesContext(connection) as queries:
        html = search(client, "", lang="en").content.decode()
    assert "Type a word or two" in html
    assert 'id="projects-heading"' not in html
    assert len(queries) == 0


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE agencies_agency; --",
        "%",
        "_",
        "\\",
        '"',
        "ยา\x00เสพติด",
        "🚀",
        "مرحبا \u202eשלום",
        "ก" * 10_000,
    ],
)
def test_hostile_queries_give_a_normal_page(client, registry, q):
    """Quotes, wildcards, NUL, emoji, RTL text and 10,000 characters: a 200 page."""
    html = search(client, q, lang="en").content.decode()
    assert "\x00" not in html and "\u202e" not in html


def test_query_count_is_fixed(client, registry, make_project, make_event):
    """3 or 30 matching projects and events cost the same number of queries."""
    with CaptureQueriesContext(connection) as few:
        search(client, "ตำรวจ")
    for n in range(30):
        make_project(title_th=f"ตำรวจท่องเที่ยว {n}")
        make_event(title_th=f"สัมมนาตำรวจ {n}")
    with CaptureQueriesContext(connection) as many:
        results = search(client, "ตำรวจ").context["results"]
    assert results.projects.count == 32 and len(results.projects.best) == 10
    assert len(many) == len(few) == 7


@pytest.mark.parametrize("lang", ["th", "en"])
def test_page_is_valid_accessible_html(client, registry, lang):
    """One h1, headings in order, every input labelled, strict HTML5."""
    html = search(client, "ตำรวจ", lang=lang).content.decode()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    document = parser.parse(html)
    assert len(document.findall(".//h1")) == 1
    levels = [int(el.tag[1]) for el in document.iter() if re.fullmatch(r"h\d", el.tag)]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
    labels = {label.get("for") for label in document.iter("label")}
    for field in document.iter("input"):
        if field.get("type") not in {"hidden", "submit"}:
            assert field.get("id") in labels


def test_every_page_has_the_site_search_form(client, registry):
    """The header holds a labelled search box that sends q to /<lang>/search/."""
    html = client.get("/en/agencies/").content.decode()
    form = re.search(r'<form class="site-search"[^>]*>.*?</form>', html, re.S).group()
    assert 'action="/en/search/"' in form and 'role="search"' in form
    assert 'name="q" id="site-search-q"' in form
    assert '<label class="visually-hidden" for="site-search-q">' in form
