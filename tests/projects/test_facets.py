"""Facet counts from grouped queries equal a plain count per option."""

import pytest

from events.models import Event
from projects.models import Project, Stage, Track
from projects.selectors import project_search

pytestmark = pytest.mark.django_db


def counts(search, facet):
    return {option.value: option.count for option in search.facets[facet]}


@pytest.fixture
def spread(make_agency, make_issue_area, make_event, make_project):
    """Twelve published projects over three agencies, two events, two issue areas,
    two fiscal years and three stages; one unpublished project in every relation."""
    agencies = [make_agency(slug=f"a{n}") for n in range(3)]
    issues = [make_issue_area(slug=f"i{n}") for n in range(2)]
    events = [make_event(slug=f"e{n}") for n in range(2)]
    for n in range(13):
        service = n % 2 == 1
        project = make_project(
            track=Track.SERVICE_ISSUE if service else Track.AGENCY,
            issue_area=issues[n % 2] if service else None,
            lead_agency=agencies[n % 3],
            # The lead is listed among the participants too in a third of them.
            participating=[agencies[(n + 1) % 3], *([agencies[n % 3]] * (n % 3 == 0))],
            fiscal_year=2562 + n % 2,
            stage=(Stage.IDEA, Stage.PILOT, Stage.ADOPTED)[n % 3],
            origin_event=events[n % 2] if n % 4 else None,
            is_published=n < 12,
        )
        events[0].related_projects.add(project)
    return {"agencies": agencies, "events": events}


def plain_agency_count(agency, projects):
    return sum(
        1
        for p in projects
        if p.lead_agency_id == agency.pk or agency in p.participating_agencies.all()
    )


def plain_event_count(event, projects):
    related = set(event.related_projects.values_list("pk", flat=True))
    return sum(1 for p in projects if p.origin_event_id == event.pk or p.pk in related)


@pytest.mark.parametrize(
    "filters",
    [{}, {"fiscal_year": "2563"}, {"stage": "idea", "track": "agency"}],
    ids=["none", "fiscal year", "stage and track"],
)
def test_agency_and_event_counts_equal_a_count_per_option(spread, filters):
    """Each agency counts the projects it leads or joins, each event the projects it
    started or lists, under the other filters: as counting one by one gives."""
    search = project_search(filters=filters)
    projects = list(
        Project.objects.filter(is_published=True, **filters).prefetch_related(
            "participating_agencies"
        )
    )
    expected = {a.slug: plain_agency_count(a, projects) for a in spread["agencies"]}
    assert counts(search, "agency") == {s: n for s, n in expected.items() if n}
    expected = {e.slug: plain_event_count(e, projects) for e in spread["events"]}
    assert counts(search, "event") == {s: n for s, n in expected.items() if n}


def test_a_lead_agency_also_listed_as_participant_counts_the_project_once(
    make_agency, make_project
):
    """An agency that leads a project and is listed among its participants: 1."""
    agency = make_agency(slug="both")
    make_project(lead_agency=agency, participating=[agency])
    assert counts(project_search(filters={}), "agency") == {"both": 1}


def test_an_event_that_started_and_lists_a_project_counts_it_once(
    make_event, make_project
):
    """A project that came out of an event the event also lists as related: 1."""
    event = make_event(slug="both")
    project = make_project(origin_event=event)
    event.related_projects.add(project)
    assert counts(project_search(filters={}), "event")["both"] == 1


def test_column_facets_and_total_equal_plain_counts(spread):
    """Track, stage, fiscal year and issue area counts, and the list's total, under
    the other filters, as Django's own count gives them."""
    filters = {"track": "service-issue", "fiscal_year": "2563", "agency": "a1"}
    search = project_search(filters=filters)
    published = Project.objects.filter(is_published=True)
    agency = spread["agencies"][1]
    with_agency = published.filter(lead_agency=agency) | published.filter(
        participating_agencies=agency
    )
    with_agency = published.filter(pk__in=with_agency.values("pk"))
    assert counts(search, "stage") == {
        stage: n
        for stage in Stage.values
        if (
            n := with_agency.filter(
                track="service-issue", fiscal_year=2563, stage=stage
            ).count()
        )
    }
    assert counts(search, "track") == {
        track: n
        for track in Track.values
        if (n := with_agency.filter(track=track, fiscal_year=2563).count())
    }
    assert sum(counts(search, "issue").values()) == search.count
    assert search.count == (
        with_agency.filter(track="service-issue", fiscal_year=2563).count()
    )
    assert search.count == search.projects.count()


def test_an_unpublished_event_is_not_offered(spread):
    """Projects of an unpublished event do not make it an option."""
    Event.objects.filter(slug="e1").update(is_published=False)
    assert "e1" not in counts(project_search(filters={}), "event")
