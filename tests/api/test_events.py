"""/api/v1/events/: published events in both languages, by kind and year."""

import datetime

import pytest

from events.models import EventKind
from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/events/"


def test_list_gives_published_events_latest_first(api_get, registry):
    """Published events, the latest first day first; the unpublished one is left out."""
    assert slugs(api_get(LIST)) == [
        "gov-lab-launch-2020",
        "my-better-country-hackathon",
        "kri-opdc-symposium-2018",
    ]


def test_event_without_dates_leads_the_list(api_get, registry, make_event):
    """An event with no date yet is still to come, so it comes first."""
    make_event(slug="to-be-announced", spans=())
    body = api_get(LIST)
    assert slugs(body)[0] == "to-be-announced"
    assert body["results"][0]["dates"] == []
    assert body["results"][0]["first_day"] is None


def test_event_gives_both_languages_dates_and_projects(api_get, registry):
    """Title and place in both languages, its spans, its published projects."""
    body = api_get(f"{LIST}my-better-country-hackathon/")
    assert body["id"] == registry.events.hackathon.pk
    assert body["title"] == {
        "th": "MY BETTER COUNTRY HACKATHON",
        "en": "My Better Country Hackathon",
    }
    assert body["kind"] == "hackathon"
    assert body["dates"] == [
        {"start": "2019-08-18", "end": "2019-08-18"},
        {"start": "2019-08-23", "end": "2019-08-25"},
    ]
    assert (body["first_day"], body["last_day"]) == ("2019-08-18", "2019-08-25")
    assert [p["slug"] for p in body["originated_projects"]] == ["pai-chatbot"]
    assert [p["slug"] for p in body["related_projects"]] == ["the-guide-light"]
    assert body["html_url"]["en"].endswith("/en/events/my-better-country-hackathon/")


def test_event_place_in_both_languages(api_get, registry):
    """City is given in Thai and English."""
    body = api_get(f"{LIST}kri-opdc-symposium-2018/")
    assert body["city"] == {"th": "ฮานอย", "en": "Hanoi"}
    assert body["venue"] == {"th": None, "en": None}
    assert body["link"] is None


def test_unpublished_projects_are_left_out_of_an_event(api_get, registry):
    """The launch lists the draft as related, but the API does not."""
    body = api_get(f"{LIST}gov-lab-launch-2020/")
    assert body["related_projects"] == []
    assert [p["slug"] for p in body["originated_projects"]] == [
        "land-services-prototype"
    ]
    projects = api_get(body["projects_url"].removeprefix("http://testserver"))
    assert slugs(projects) == ["land-services-prototype"]


@pytest.mark.parametrize("slug", ["unpublished-event", "no-such-event"])
def test_unpublished_or_unknown_event_is_404_json(api_get, registry, slug):
    """An unpublished or unknown event is a JSON 404."""
    assert api_get(f"{LIST}{slug}/", status=404)["detail"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "hackathon"}, ["my-better-country-hackathon"]),
        ({"kind": "workshop"}, []),
        ({"year": "2019"}, ["my-better-country-hackathon"]),
        ({"year": "2018"}, ["kri-opdc-symposium-2018"]),
        ({"year": "2030"}, []),
        ({"kind": "launch", "year": "2020"}, ["gov-lab-launch-2020"]),
        ({"kind": "launch", "year": "2019"}, []),
    ],
)
def test_kind_and_year_filters(api_get, registry, params, expected):
    """kind and Common Era year, alone or together."""
    assert slugs(api_get(LIST, params)) == expected


def test_event_across_new_year_belongs_to_both_years(api_get, make_event):
    """A series running into the next year is listed under each year."""
    make_event(
        slug="govtech-series",
        kind=EventKind.SERIES,
        spans=[(datetime.date(2022, 11, 1), datetime.date(2023, 5, 12))],
    )
    assert slugs(api_get(LIST, {"year": "2022"})) == ["govtech-series"]
    assert slugs(api_get(LIST, {"year": "2023"})) == ["govtech-series"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"kind": "party"}, "kind"),
        ({"year": "two-thousand"}, "year"),
        ({"year": "0"}, "year"),
        ({"year": "2562.5"}, "year"),
    ],
)
def test_invalid_filter_is_400_naming_the_parameter(api_get, registry, params, field):
    """An invalid kind or year is refused with a JSON body naming it."""
    assert list(api_get(LIST, params, status=400)) == [field]


def test_list_costs_the_same_queries_for_3_or_30_events(
    count_queries, make_event, make_agency, make_project
):
    """Spans, agencies and projects are fetched per page, not per event."""
    agency, project = make_agency(), make_project()

    def add(n):
        for _ in range(n):
            event = make_event()
            event.organisers.add(agency)
            event.partners.add(agency)
            event.related_projects.add(project)

    add(3)
    few = count_queries(LIST, {"page_size": 100})
    add(27)
    assert count_queries(LIST, {"page_size": 100}) == few <= 7
