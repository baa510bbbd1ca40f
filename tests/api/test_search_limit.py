"""A search word matching more projects than are ranked: honest counts in the API."""

import pytest

from projects import selectors
from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/projects/"


@pytest.fixture
def five_land_projects(make_project):
    """Five projects about land; the title match is the oldest one."""
    for n in range(4):
        make_project(slug=f"land-{n}", summary_th="บริการที่ดินออนไลน์")
    make_project(slug="land-title", title_th="ที่ดินของรัฐ")


def test_past_the_limit_the_count_is_a_lower_bound(
    api_get, client, monkeypatch, five_land_projects
):
    """Five matches, three ranked: count 3 marked as a lower bound, and the header."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    body = api_get(LIST, {"q": "ที่ดิน"})
    assert body["count"] == 3
    assert body["count_is_lower_bound"] is True
    assert len(slugs(body)) == 3
    assert client.get(LIST, {"q": "ที่ดิน"})["X-Results-Limit"] == "3"


def test_pages_walk_the_ranked_candidates(api_get, monkeypatch, five_land_projects):
    """Pages of two over four candidates: two pages, each project once."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 4)
    first = api_get(LIST, {"q": "ที่ดิน", "page_size": 2})
    second = api_get(LIST, {"q": "ที่ดิน", "page_size": 2, "page": 2})
    assert first["count"] == second["count"] == 4
    assert second["next"] is None
    assert len(set(slugs(first) + slugs(second))) == 4


def test_within_the_limit_the_count_is_exact(
    api_get, client, monkeypatch, five_land_projects
):
    """Five matches with room for five: count 5, exact, the title match first."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    body = api_get(LIST, {"q": "ที่ดิน"})
    assert body["count"] == 5
    assert body["count_is_lower_bound"] is False
    assert slugs(body)[0] == "land-title"
    assert "X-Results-Limit" not in client.get(LIST, {"q": "ที่ดิน"})


def test_a_filter_brings_the_matches_within_the_limit(
    api_get, monkeypatch, five_land_projects, make_project
):
    """The word with a fiscal year matching one project: that one, counted exactly."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    make_project(slug="land-2562", summary_th="ที่ดิน", fiscal_year=2562)
    body = api_get(LIST, {"q": "ที่ดิน", "fiscal_year": 2562})
    assert (body["count"], body["count_is_lower_bound"]) == (1, False)
    assert slugs(body) == ["land-2562"]


def test_the_description_explains_the_bound(openapi_document):
    """The OpenAPI description documents the field and the header."""
    document = openapi_document
    assert "X-Results-Limit" in document["info"]["description"]
    page = document["components"]["schemas"]["PaginatedProjectList"]
    assert "count_is_lower_bound" in page["required"]
