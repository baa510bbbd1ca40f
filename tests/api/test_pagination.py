"""Pagination of the API's lists: page, page_size and its cap, out-of-range pages."""

import pytest

from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/agencies/"


@pytest.fixture
def agencies(make_agency):
    """120 agencies, more than the largest page."""
    return [make_agency(slug=f"agency-{n:03}") for n in range(120)]


def test_pages_of_twenty_by_default(api_get, agencies):
    """The first page has 20 rows, the total, and a link to the next page only."""
    body = api_get(LIST)
    assert body["count"] == 120
    assert slugs(body) == [f"agency-{n:03}" for n in range(20)]
    assert body["previous"] is None
    assert body["next"] == "http://testserver/api/v1/agencies/?page=2"


def test_page_size_chooses_the_rows_per_page(api_get, agencies):
    """page_size=50 on page 2 gives rows 50 to 99, with links both ways."""
    body = api_get(LIST, {"page_size": 50, "page": 2})
    assert slugs(body) == [f"agency-{n:03}" for n in range(50, 100)]
    assert "page=3" in body["next"]
    assert "page_size=50" in body["previous"]


def test_page_size_is_capped_at_100(api_get, agencies):
    """A page never holds more than 100 rows, whatever is asked."""
    assert len(api_get(LIST, {"page_size": 1000})["results"]) == 100


def test_last_page_has_no_next(api_get, agencies):
    """The last page holds the remainder and no next link."""
    body = api_get(LIST, {"page": 6})
    assert len(body["results"]) == 20
    assert body["next"] is None


@pytest.mark.parametrize("page", ["7", "0", "last-but-one"])
def test_page_out_of_range_is_404_json(api_get, agencies, page):
    """A page past the last, or not a page number, is a JSON 404."""
    assert api_get(LIST, {"page": page}, status=404)["detail"]


def test_filters_are_kept_in_page_links(api_get, make_project):
    """next carries the filters, so following it stays in the filtered list."""
    for _ in range(3):
        make_project(fiscal_year=2562)
    make_project(fiscal_year=2563)
    first = api_get("/api/v1/projects/", {"fiscal_year": 2562, "page_size": 2})
    assert first["count"] == 3
    second = api_get(first["next"].removeprefix("http://testserver"))
    assert len(second["results"]) == 1
    assert second["results"][0]["fiscal_year"] == 2562
