"""/<lang>/stats/: charts and tables that agree with the database and each other."""

import datetime

import pytest

from events.models import EventKind
from projects.models import Stage, Track
from tests.stats.helpers import chart_svgs, chart_tables, counts, svg_bars
from tests.test_pages_html import check_accessible_structure, parse

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")


def page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    return html, parse(html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unfiltered_page_counts_every_published_record(client, registry, lang):
    """Each table gives the published counts; the drafts are left out."""
    html, document = page(client, f"/{lang}/stats/")
    tables = chart_tables(document)
    assert [count for _l, count, _u in tables["fiscal-year"]["rows"]] == [2, 0, 4]
    assert [count for _l, count, _u in tables["track"]["rows"]] == [3, 3]
    assert [count for _l, count, _u in tables["stage"]["rows"]] == [2, 2, 1, 0, 1, 0]
    assert tables["issue"]["total"] == 3
    assert [count for _l, count, _u in tables["agency"]["rows"]] == [4, 2, 1]
    assert [count for _l, count, _u in tables["event-kind"]["rows"]] == [
        1, 1, 0, 0, 1, 1, 1,
    ]  # fmt: skip
    assert [count for _l, count, _u in tables["event-year"]["rows"]] == [
        1, 1, 1, 0, 1, 1,
    ]  # fmt: skip
    assert tables["track"]["total"] == 6
    assert tables["event-kind"]["total"] == 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_filtered_page_counts_the_filtered_projects(client, registry, lang):
    """With ?track=agency every project chart counts the agency track only."""
    html, document = page(client, f"/{lang}/stats/?track=agency")
    tables = chart_tables(document)
    assert [count for _l, count, _u in tables["fiscal-year"]["rows"]] == [1, 0, 2]
    assert [count for _l, count, _u in tables["track"]["rows"]] == [0, 3]
    assert [count for _l, count, _u in tables["stage"]["rows"]] == [1, 1, 0, 0, 1, 0]
    assert tables["issue"]["rows"] == []
    assert [count for _l, count, _u in tables["agency"]["rows"]] == [2, 1, 1]
    # Events have their own filters: the project track leaves them as they were.
    assert tables["event-kind"]["total"] == 5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_chart_draws_the_numbers_of_its_table(client, registry, lang):
    """Each SVG is well-formed XML, titled, and its bars match its table's rows."""
    html, document = page(client, f"/{lang}/stats/?fiscal_year=2563")
    svgs = chart_svgs(html)
    tables = chart_tables(document)
    drawn = {slug for slug, table in tables.items() if table["rows"]}
    assert set(svgs) == drawn
    assert drawn >= {"fiscal-year", "track", "stage", "agency", "event-kind"}
    for slug, svg in svgs.items():
        rows = [(label, count) for label, count, _url in tables[slug]["rows"]]
        assert svg_bars(svg) == rows, slug
        assert sum(count for _label, count in rows) == tables[slug]["total"]
        title = svg.find("{http://www.w3.org/2000/svg}title").text
        heading = document.find(f".//h3[@id='chart-{slug}-heading']")
        assert title == heading.text


def test_thai_page_gives_buddhist_era_years(client, registry):
    """Thai pages: ปีงบประมาณ 2563 and event years 2561-2566; English: CE years."""
    _html, document = page(client, "/th/stats/")
    tables = chart_tables(document)
    assert list(counts(tables["fiscal-year"]))[-1] == "ปีงบประมาณ 2563"
    assert list(counts(tables["event-year"])) == [
        "2561", "2562", "2563", "2564", "2565", "2566",
    ]  # fmt: skip
    _html, document = page(client, "/en/stats/")
    tables = chart_tables(document)
    assert list(counts(tables["fiscal-year"]))[-1] == "FY2020 (B.E. 2563)"
    assert list(counts(tables["event-year"]))[0] == "2018"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_labels_are_translated_and_in_order(client, registry, lang):
    """Stages read in pipeline order in the page's language."""
    _html, document = page(client, f"/{lang}/stats/")
    stages = list(counts(chart_tables(document)["stage"]))
    expected = {
        "th": ["แนวคิด", "ต้นแบบ"],
        "en": ["Idea", "Prototype", "Pilot", "Scaling up", "Adopted", "Discontinued"],
    }[lang]
    assert stages[: len(expected)] == expected
    assert len(stages) == len(Stage.choices)


def test_rows_link_to_the_list_with_their_filter_added(client, registry):
    """A row links to the project or event list, current filters kept."""
    _html, document = page(client, "/th/stats/?track=agency&kind=series")
    tables = chart_tables(document)
    links = {url for _label, _count, url in tables["fiscal-year"]["rows"]}
    assert "/th/projects/?track=agency&fiscal_year=2563" in links
    # A row with nothing to show does not link to an empty list.
    assert None in links
    years = {url for _label, _count, url in tables["event-year"]["rows"]}
    assert years == {
        "/th/events/?kind=series&year=2022",
        "/th/events/?kind=series&year=2023",
    }
    agency = tables["agency"]["rows"][0][2]
    assert agency == "/th/projects/?track=agency&agency=department-of-land-transport"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_active_filters_are_named_with_a_way_to_remove_them(client, registry, lang):
    """The page says which filters count, each with a link that drops it."""
    _html, document = page(client, f"/{lang}/stats/?track=agency&year=2019")
    items = document.findall(".//ul[@class='active-filters']/li")
    texts = [" ".join("".join(item.itertext()).split()) for item in items]
    assert len(items) == 2
    assert any(
        ("Agency track" if lang == "en" else "ด้านหน่วยงานภาครัฐ") in t for t in texts
    )
    assert any(("2019" if lang == "en" else "2562") in t for t in texts)
    removes = {item.find("a").get("href") for item in items}
    assert removes == {f"/{lang}/stats/?year=2019", f"/{lang}/stats/?track=agency"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_invalid_filter_shows_the_error_not_a_failure(client, registry, lang):
    """A CE year typed as the fiscal year is reported; no project chart is drawn."""
    html, document = page(client, f"/{lang}/stats/?fiscal_year=2020&kind=nope")
    assert document.find(".//p[@class='errorlist'][@role='alert']") is not None
    field_errors = document.findall(".//div[@class='filters__field field-error']")
    assert {div.find("label").get("for") for div in field_errors} == {
        "id_fiscal_year",
        "id_kind",
    }
    tables = chart_tables(document)
    assert "fiscal-year" not in tables
    # The bad kind is left out, as the event list does: every event is counted.
    assert tables["event-kind"]["total"] == 5


def test_hostile_agency_name_stays_text(client, make_agency, make_project):
    """An agency name with markup characters shows them, in the SVG and the table."""
    hostile = 'กรม <b>ตัวหนา</b> & "คู่ค้า" <script>alert(1)</script>'
    make_project(lead_agency=make_agency(name_th=hostile, name_en=""))
    html, document = page(client, "/en/stats/")
    assert "<b>" not in html
    assert "<script>alert" not in html
    assert counts(chart_tables(document)["agency"]) == {hostile: 1}
    assert svg_bars(chart_svgs(html)["agency"]) == [(hostile, 1)]


@pytest.mark.parametrize("count", [3, 30])
def test_page_costs_a_fixed_number_of_queries(
    client, make_agency, make_issue_area, make_project, make_event,
    django_assert_num_queries, count,
):  # fmt: skip
    """Three or thirty projects and events cost the same queries.

    Three facet queries for the project form (whose column counts give four of the
    project charts), the agency chart, the event form's options and one query for
    both event charts; each slug chosen in the filters adds its lookup.
    """
    agencies = [make_agency() for _ in range(3)]
    area = make_issue_area(slug="land-services")
    for n in range(count):
        event = make_event(
            kind=EventKind.values[n % len(EventKind.values)],
            spans=[
                (datetime.date(2018 + n % 5, 5, 1), datetime.date(2018 + n % 5, 5, 2))
            ],
        )
        make_project(
            track=Track.SERVICE_ISSUE if n % 2 else Track.AGENCY,
            issue_area=area if n % 2 else None,
            lead_agency=None if n % 2 else agencies[n % 3],
            fiscal_year=2560 + n % 4,
            stage=Stage.values[n % len(Stage.values)],
            participating=agencies[: n % 3],
            origin_event=event,
        )
    with django_assert_num_queries(6):
        html, _document = page(client, "/th/stats/")
    assert len(chart_svgs(html)) == 7
    with django_assert_num_queries(8):
        page(
            client,
            f"/en/stats/?issue=land-services&agency={agencies[0].slug}&kind=series",
        )


def test_navigation_marks_statistics_as_the_current_page(client, registry):
    """The main navigation links to the statistics page and marks it current."""
    _html, document = page(client, "/th/stats/")
    nav = document.find(".//nav[@class='site-nav']")
    current = [a for a in nav.iter("a") if a.get("aria-current") == "page"]
    assert [a.get("href") for a in current] == ["/th/stats/"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_page_is_valid_accessible_html(client, registry, lang):
    """The page parses as HTML and meets the site's accessibility basics."""
    for query in (
        "",
        "?track=agency",
        "?fiscal_year=abc&kind=nope",
        "?kind=series&year=2022&stage=idea",
    ):
        html, document = page(client, f"/{lang}/stats/{query}")
        check_accessible_structure(document, html)
        for table in document.iter("table"):
            assert table.find("caption") is not None
            assert all(th.get("scope") in {"col", "row"} for th in table.iter("th"))


def test_active_record_filter_is_named_in_thai_when_untranslated(client, registry):
    """An agency with no English name is named in Thai among the English filters."""
    _html, document = page(client, "/en/stats/?agency=royal-thai-police")
    item = document.find(".//ul[@class='active-filters']/li")
    assert "Agency: สำนักงานตำรวจแห่งชาติ" in "".join(item.itertext())


@pytest.mark.parametrize("q", ["ยาเสพติด", "!!!"])
def test_search_words_narrow_the_counts(client, registry, q):
    """A search counts the projects it finds; one with nothing to search, none."""
    _html, document = page(client, f"/th/stats/?q={q}")
    tables = chart_tables(document)
    found = 1 if q == "ยาเสพติด" else 0
    assert tables["track"]["total"] == found
    assert tables["agency"]["total"] == found
