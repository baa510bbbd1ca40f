"""The OpenAPI description: valid, complete, in English, with the filters."""

import pytest
from openapi_spec_validator import validate

from agencies.models import AgencyKind
from events.models import EventKind
from projects.filters import SORT_CHOICES
from projects.models import Stage, Track
from tests.api.conftest import OPENAPI_URL

pytestmark = pytest.mark.django_db


def parameters(document, path):
    operation = document["paths"][path]["get"]
    return {p["name"]: p for p in operation["parameters"] if p["in"] == "query"}


def test_description_is_valid_openapi(openapi_document):
    """The served document passes the OpenAPI specification validator."""
    validate(openapi_document)
    assert openapi_document["openapi"].startswith("3.")


def test_description_is_json(client):
    """/api/v1/openapi.json answers JSON, with CORS like the rest of the API."""
    response = client.get(OPENAPI_URL, headers={"Origin": "https://data.go.th"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"


def test_description_lists_the_six_read_endpoints(openapi_document):
    """Lists and records of projects, agencies and events, GET only."""
    paths = openapi_document["paths"]
    assert set(paths) == {
        "/api/v1/projects/",
        "/api/v1/projects/{slug}/",
        "/api/v1/agencies/",
        "/api/v1/agencies/{slug}/",
        "/api/v1/events/",
        "/api/v1/events/{slug}/",
    }
    assert all(set(item) <= {"get", "parameters"} for item in paths.values())


def test_project_filters_are_documented_with_their_values(openapi_document):
    """Every project list filter is a parameter; choices are given as enums."""
    documented = parameters(openapi_document, "/api/v1/projects/")
    assert set(documented) == {
        "q",
        "track",
        "issue",
        "agency",
        "fiscal_year",
        "stage",
        "event",
        "sort",
        "page",
        "page_size",
    }
    assert set(documented["track"]["schema"]["enum"]) == set(Track.values)
    assert set(documented["stage"]["schema"]["enum"]) == set(Stage.values)
    assert set(documented["sort"]["schema"]["enum"]) == {v for v, _ in SORT_CHOICES}
    assert documented["fiscal_year"]["schema"]["type"] == "integer"
    assert "Buddhist Era" in documented["fiscal_year"]["description"]


def test_agency_and_event_filters_are_documented(openapi_document):
    """Agencies filter by kind; events by kind and a Common Era year."""
    agencies = parameters(openapi_document, "/api/v1/agencies/")
    events = parameters(openapi_document, "/api/v1/events/")
    assert set(agencies) == {"kind", "page", "page_size"}
    assert set(agencies["kind"]["schema"]["enum"]) == set(AgencyKind.values)
    assert set(events) == {"kind", "year", "page", "page_size"}
    assert set(events["kind"]["schema"]["enum"]) == set(EventKind.values)
    assert events["year"]["schema"]["type"] == "integer"


def test_description_explains_the_language_objects(openapi_document):
    """The description says how both languages are given, and defines them."""
    info = openapi_document["info"]["description"]
    assert '{"th": "...", "en": "..."}' in info
    translated = openapi_document["components"]["schemas"]["TranslatedText"]
    assert translated["required"] == ["en", "th"]
    assert translated["properties"]["en"]["type"] == ["string", "null"]


@pytest.mark.parametrize("language", ["th", "en"])
def test_description_is_in_english_whatever_the_request(client, language):
    """A Thai browser gets the same English description as an English one."""
    response = client.get(OPENAPI_URL, headers={"Accept-Language": language})
    track = response.json()["paths"]["/api/v1/projects/"]["get"]["parameters"]
    described = {p["name"]: p.get("description", "") for p in track}
    assert "Agency track" in described["track"]
    assert described["sort"].startswith("Sort by")
