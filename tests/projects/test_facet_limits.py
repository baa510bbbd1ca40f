"""The agency and event selects offer a bounded number of options, at any scale."""

import re

import pytest
from django.utils import translation

from projects.facets import AGENCY_OPTIONS, EVENT_OPTIONS
from projects.models import Track

pytestmark = pytest.mark.django_db


@pytest.fixture
def crowded(make_agency, make_event, make_project):
    """More agencies and events than the selects offer: the big ones are linked
    to both projects, the two small ones to "Alpha" only."""
    alpha = make_project(track=Track.SERVICE_ISSUE, title_en="Alpha", slug="alpha")
    beta = make_project(track=Track.SERVICE_ISSUE, title_en="Beta", slug="beta")
    for n in range(AGENCY_OPTIONS):
        make_agency(slug=f"big-agency-{n:03}").participating_projects.add(alpha, beta)
    for n in range(EVENT_OPTIONS):
        make_event(slug=f"big-event-{n:03}").related_projects.add(alpha, beta)
    for n in range(2):
        make_agency(slug=f"small-agency-{n}").participating_projects.add(alpha)
        make_event(slug=f"small-event-{n}").related_projects.add(alpha)


def options(html: str, name: str) -> list[str]:
    """The values offered by a select, "all" (the empty value) left out."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return [value for value in re.findall(r'<option value="([^"]*)"', select) if value]


@pytest.mark.parametrize(
    ("name", "limit", "small"),
    [
        ("event", EVENT_OPTIONS, "small-event"),
        ("agency", AGENCY_OPTIONS, "small-agency"),
    ],
)
def test_select_offers_the_options_with_most_projects(
    client, crowded, name, limit, small
):
    """Unfiltered: only the options with most projects, and a note that says so."""
    html = client.get("/en/projects/").content.decode()
    offered = options(html, name)
    assert len(offered) == limit
    assert not any(value.startswith(small) for value in offered)
    assert offered == sorted(offered)
    noun = "events" if name == "event" else "agencies"
    assert f"Showing the {limit} {noun} with the most projects." in html
    assert f'aria-describedby="id_{name}_helptext"' in html


@pytest.mark.parametrize(
    ("name", "limit", "small"),
    [
        ("event", EVENT_OPTIONS, "small-event"),
        ("agency", AGENCY_OPTIONS, "small-agency"),
    ],
)
def test_an_option_left_out_still_filters_and_is_offered_when_chosen(
    client, crowded, name, limit, small
):
    """?event=small-event-1 lists its one project and offers it, selected, too."""
    response = client.get(f"/en/projects/?{name}={small}-1")
    html = response.content.decode()
    assert [project.slug for project in response.context["projects"]] == ["alpha"]
    offered = options(html, name)
    assert len(offered) == limit + 1
    assert f"{small}-1" in offered
    assert f'<option value="{small}-1" selected>' in html
    assert "with the most projects." in html


def test_note_is_in_thai_on_thai_pages(client, crowded):
    """The Thai page explains the shortened selects in Thai."""
    html = client.get("/th/projects/").content.decode()
    with translation.override("en"):
        assert "with the most projects" not in html
    assert f"แสดง {EVENT_OPTIONS} กิจกรรม" in html
    assert f"แสดง {AGENCY_OPTIONS} หน่วยงาน" in html


def test_a_short_select_has_no_note(client, make_event, make_project):
    """Fewer events than the limit: every one offered, no note."""
    make_event(slug="only-event").related_projects.add(make_project())
    html = client.get("/en/projects/").content.decode()
    assert options(html, "event") == ["only-event"]
    assert "with the most projects" not in html


def test_event_page_links_to_its_filtered_project_list(
    client, make_event, make_project
):
    """An event with projects links to the project list filtered by it."""
    make_event(slug="demo-day").related_projects.add(make_project())
    html = client.get("/en/events/demo-day/").content.decode()
    assert 'href="/en/projects/?event=demo-day"' in html
