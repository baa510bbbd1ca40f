"""Every public page costs at most ten queries, however many records it shows.

Each page is requested with 5 projects and again with 40 (across agencies, events,
issue areas and fiscal years, every filter applied where the page has filters):
the query count must be the same and at most ten. The page cache is off (a stored
page would hide the queries): every counted request is rendered afresh.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Stage, Track
from updates.models import ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
STAGES = (Stage.IDEA, Stage.PROTOTYPE, Stage.PILOT)


@pytest.fixture(autouse=True)
def every_request_rendered(settings):
    """No page comes from the page cache while queries are counted."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def world(make_agency, make_issue_area, make_event):
    """Three agencies (one also a participant everywhere), two issue areas, two
    events; projects are added by grow()."""
    agencies = [
        make_agency(slug=f"agency-{n}", name_th=f"กรมที่ดินที่ {n}") for n in range(3)
    ]
    return {
        "agencies": agencies,
        "issues": [make_issue_area(slug=f"issue-{n}") for n in range(2)],
        "events": [make_event(slug=f"event-{n}") for n in range(2)],
        "made": 0,
    }


@pytest.fixture
def grow(world, make_project, django_user_model):
    """Add projects up to a total, spread over every filter's values."""
    author = django_user_model.objects.create_user("reporter", password="x")

    def add(total):
        for n in range(world["made"], total):
            agency = world["agencies"][n % 3]
            service = n % 2 == 1
            event = world["events"][n % 2]
            project = make_project(
                slug=f"project-{n}",
                title_th=f"ต้นแบบบริการที่ดิน {n}",
                track=Track.SERVICE_ISSUE if service else Track.AGENCY,
                issue_area=world["issues"][n % 2] if service else None,
                lead_agency=agency,
                participating=[world["agencies"][(n + 1) % 3], agency],
                consultants=[world["agencies"][(n + 2) % 3]],
                fiscal_year=2562 + n % 3,
                stage=STAGES[n % 3],
                origin_event=event,
            )
            event.related_projects.add(project)
            world["events"][(n + 1) % 2].related_projects.add(project)
            ProjectUpdate.objects.create(
                project=project,
                agency=agency,
                author=author,
                title_th=f"ความคืบหน้า {n}",
                body_th="ทดสอบระบบแล้ว",
                reported_on=datetime.date(2020, 1, 1 + n % 28),
                status=ReviewStatus.APPROVED,
            )
        world["made"] = total

    return add


PAGES = {
    "home": "/th/",
    "project list": "/th/projects/",
    "list, three filters": "/th/projects/?track=agency&fiscal_year=2562&stage=idea",
    "list, every filter": (
        "/en/projects/?q=ที่ดิน&track=service-issue&issue=issue-1&agency=agency-0"
        "&fiscal_year=2563&stage=prototype&event=event-1&sort=title"
    ),
    "list, Thai search": "/th/projects/?q=ที่ดิน",
    "list, last page": "/th/projects/?page=last",
    "project detail": "/th/projects/project-0/",
    "agency detail": "/th/agencies/agency-0/",
    "event detail": "/th/events/event-0/",
    "API projects": "/api/v1/projects/?page_size=100",
    "API projects, filters": (
        "/api/v1/projects/?page_size=100&track=agency&fiscal_year=2562"
        "&agency=agency-0&event=event-0&q=ที่ดิน"
    ),
    "API agencies": "/api/v1/agencies/?page_size=100",
    "API events": "/api/v1/events/?page_size=100",
    "CSV export": "/th/projects/export.csv",
    "CSV export, filters": "/th/projects/export.csv?track=agency&agency=agency-1",
    "JSON export": "/th/projects/export.json",
    "event list": "/th/events/",
    "event list, filters": "/en/events/?kind=workshop&year=2020",
    "agency detail, page 2": "/th/agencies/agency-0/?page=2",
    "stats": "/th/stats/",
    "stats, every filter": (
        "/en/stats/?q=ที่ดิน&track=service-issue&issue=issue-1&agency=agency-0"
        "&fiscal_year=2563&stage=prototype&event=event-1&kind=workshop&year=2020"
    ),
    "agency list": "/th/agencies/",
    "site search": "/th/search/?q=ที่ดิน",
    "project feed": "/th/feeds/projects.atom",
    "update feed": "/th/feeds/updates.atom",
    "event feed": "/th/feeds/events.atom",
}


def queries(client, url):
    """How many queries the page runs, its body read to the end (exports stream)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response.streaming_content) if response.streaming else None
    return len(captured)


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_page_costs_at_most_ten_queries_whatever_the_rows(
    client, grow, url, django_assert_max_num_queries
):
    """5 and 40 projects cost the same number of queries, at most ten."""
    grow(5)
    few = queries(client, url)
    grow(40)
    with django_assert_max_num_queries(MAX_QUERIES):
        many = queries(client, url)
    assert many == few
