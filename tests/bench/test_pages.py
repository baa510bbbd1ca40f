"""The benchmark's page list: nine kinds, each a working address on small data."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.pages import PageKind, page_kinds
from bench.probe import probe, static_name
from projects.models import Stage, Track

pytestmark = pytest.mark.django_db

KINDS = [
    "home",
    "list",
    "list_filtered",
    "list_search",
    "detail",
    "agency",
    "event",
    "api",
    "csv",
]


@pytest.fixture
def small_registry(make_agency, make_issue_area, make_project, make_event):
    agencies = [make_agency() for _ in range(3)]
    areas = [make_issue_area() for _ in range(2)]
    for n in range(12):
        project = make_project(
            track=Track.SERVICE_ISSUE,
            issue_area=areas[n % 2],
            lead_agency=agencies[n % 3],
            fiscal_year=2565 + n % 3,
            stage=[Stage.IDEA, Stage.PILOT][n % 2],
        )
    make_event().related_projects.add(project)
    make_event()


def test_page_kinds_cover_the_nine_kinds_in_report_order(small_registry):
    """The benchmark drives exactly the nine page kinds the issue names."""
    assert [page.key for page in page_kinds()] == KINDS


def test_every_page_kind_answers_200(small_registry, client):
    """Every picked address is a working page, not an error the load would time."""
    for page in page_kinds():
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_filtered_list_uses_three_filters_that_match(small_registry):
    """The filtered list combines issue area, fiscal year and stage, and finds
    projects."""
    page = {page.key: page for page in page_kinds()}["list_filtered"]
    assert set(parse_qs(urlsplit(page.url).query)) == {"issue", "fiscal_year", "stage"}
    assert page.note != "0 matches"


def test_csv_export_has_the_rows_its_label_says(small_registry, client):
    """The export is filtered to the row count its label states: here the biggest
    group, one issue area's six projects, as nearest to 1,000 rows."""
    page = {page.key: page for page in page_kinds()}["csv"]
    body = b"".join(client.get(page.url).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))[1:]
    assert page.label == f"CSV export ({len(rows):,} rows)"
    assert len(rows) == 6


def test_search_word_can_be_given(small_registry):
    """bench/run --search WORD benchmarks that word instead of the picked one."""
    page = {page.key: page for page in page_kinds(search="ทดสอบ")}["list_search"]
    assert page.url == "/th/projects/?q=%E0%B8%97%E0%B8%94%E0%B8%AA%E0%B8%AD%E0%B8%9A"
    assert page.note == "12 matches"


def test_probe_counts_queries_on_a_miss_and_none_on_a_cache_hit(small_registry):
    """A page's SQL is counted with the page cache off; a cache hit runs none."""
    home = page_kinds()[0]
    found = probe(home)
    assert found.status == 200
    assert found.queries_miss > 0
    assert found.queries_hit == 0
    assert found.cache_header == "hit"
    assert found.size == len(found.body) > 1000


def test_static_twin_has_the_type_of_its_page():
    """The ceiling's static file is served with the page's content type."""
    api, csv_page, home = (PageKind(key, key, "/") for key in ("api", "csv", "home"))
    assert static_name(api, "application/json") == "bench-ceiling/api.json"
    assert static_name(csv_page, "text/csv; charset=utf-8") == "bench-ceiling/csv.csv"
    assert static_name(home, "text/html; charset=utf-8") == "bench-ceiling/home.html"
