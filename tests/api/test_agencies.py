"""/api/v1/agencies/: every agency, in both languages, filtered by kind."""

import pytest

from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/agencies/"


def test_list_gives_every_agency_by_slug(api_get, registry):
    """All agencies are public records, listed in slug order."""
    assert slugs(api_get(LIST)) == [
        "department-of-land-transport",
        "mot",
        "nida",
        "royal-thai-police",
    ]


def test_agency_gives_both_languages_and_links(api_get, client, registry):
    """Name and short name in Thai and English, parent, website, its projects."""
    body = api_get(f"{LIST}department-of-land-transport/")
    assert body["id"] == registry.agencies.dlt.pk
    assert body["name"] == {
        "th": "กรมการขนส่งทางบก",
        "en": "Department of Land Transport",
    }
    assert body["short_name"] == {"th": "ขบ.", "en": "DLT"}
    assert body["kind"] == "government-department"
    assert body["parent"]["slug"] == "mot"
    assert body["parent"]["name"]["th"] == "กระทรวงคมนาคม"
    assert body["website"] == "https://www.dlt.go.th/"
    assert body["html_url"]["th"].endswith("/th/agencies/department-of-land-transport/")
    assert client.get(body["html_url"]["th"]).status_code == 200


def test_agency_without_english_or_website_gives_nulls(api_get, registry):
    """Missing English text, short name and website are null, not empty."""
    body = api_get(f"{LIST}nida/")
    assert body["name"] == {"th": "สถาบันบัณฑิตพัฒนบริหารศาสตร์", "en": None}
    assert body["short_name"] == {"th": None, "en": None}
    assert body["website"] is None
    assert body["parent"] is None


def test_projects_url_lists_the_agencys_published_projects(api_get, registry):
    """projects_url is the project list filtered to the agency."""
    body = api_get(f"{LIST}department-of-land-transport/")
    projects = api_get(body["projects_url"].removeprefix("http://testserver"))
    assert set(slugs(projects)) == {
        "land-services-prototype",
        "dlt-prototype",
        "the-guide-light",
    }


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("police-armed-forces", ["royal-thai-police"]),
        ("academic-institution", ["nida"]),
        ("state-enterprise", []),
    ],
)
def test_kind_filter(api_get, registry, kind, expected):
    """kind keeps the agencies of that kind."""
    assert slugs(api_get(LIST, {"kind": kind})) == expected


def test_invalid_kind_is_400(api_get, registry):
    """An unknown kind is refused, naming the parameter."""
    assert list(api_get(LIST, {"kind": "ministry"}, status=400)) == ["kind"]


def test_unknown_agency_is_404_json(api_get, registry):
    """An unknown slug is a JSON 404."""
    assert api_get(f"{LIST}no-such-agency/", status=404)["detail"]


def test_list_costs_the_same_queries_for_3_or_30_agencies(count_queries, make_agency):
    """Parents are fetched with the page, not per agency."""
    parent = make_agency()
    for _ in range(3):
        make_agency(parent=parent)
    few = count_queries(LIST, {"page_size": 100})
    for _ in range(27):
        make_agency(parent=parent)
    assert count_queries(LIST, {"page_size": 100}) == few <= 2
