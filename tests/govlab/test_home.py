import datetime

import pytest
from django.utils import timezone

from projects.models import Project, Track

pytestmark = pytest.mark.django_db


def days_from_today(n):
    day = timezone.localdate() + datetime.timedelta(days=n)
    return [(day, day)]


@pytest.mark.parametrize(
    ("lang", "text"), [("th", "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน"), ("en", "Land services")]
)
def test_home_page_speaks_the_page_language(client, make_project, lang, text):
    """The home page renders in Thai and English with the record's own text."""
    make_project(title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน", title_en="Land services")
    response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert text in html


def test_home_marks_a_thai_only_title_on_the_english_page(client, make_project):
    """A project with no English title shows in Thai, marked Thai only."""
    make_project(title_th="ต้นแบบนวัตกรรม กรมศุลกากร", title_en="")
    html = client.get("/en/").content.decode()
    assert '<span lang="th">ต้นแบบนวัตกรรม กรมศุลกากร</span>' in html
    assert "Thai only" in html


def test_home_counts_leave_out_unpublished_records(
    client, make_agency, make_project, make_event
):
    """Counts cover published projects by track, all agencies, published events."""
    make_project(track=Track.SERVICE_ISSUE)
    make_project(track=Track.SERVICE_ISSUE)
    make_project()
    make_project(is_published=False)
    make_event()
    make_event(is_published=False)
    response = client.get("/en/")
    counts = response.context["counts"]
    assert (counts.projects, counts.service_issue_projects, counts.agency_projects) == (
        3,
        2,
        1,
    )
    # Two lead agencies from the agency-track projects above.
    assert counts.agencies == 2
    assert counts.events == 1
    html = response.content.decode()
    assert "<strong>3</strong>" in html
    assert "<strong>1</strong> <a" in html


def test_home_lists_six_latest_published_projects(client, make_project):
    """Latest projects are the six published ones updated most recently."""
    now = timezone.now()
    for n in range(8):
        project = make_project(title_en=f"Prototype number {n}")
        Project.objects.filter(pk=project.pk).update(
            updated_at=now - datetime.timedelta(days=n)
        )
    make_project(title_en="Fresh draft", is_published=False)
    response = client.get("/en/")
    titles = [p.title_en for p in response.context["latest_projects"]]
    assert titles == [f"Prototype number {n}" for n in range(6)]
    html = response.content.decode()
    assert "Fresh draft" not in html
    assert "Prototype number 6" not in html


def test_home_lists_three_upcoming_and_three_recent_events(client, make_event):
    """Soonest three upcoming and latest three past events, drafts left out."""
    for n in range(1, 5):
        make_event(title_en=f"Coming in {n} days", spans=days_from_today(n))
        make_event(title_en=f"Held {n} days ago", spans=days_from_today(-n))
    make_event(title_en="Draft event", is_published=False, spans=days_from_today(0))
    html = client.get("/en/").content.decode()
    upcoming, recent = (
        html.index("Upcoming events</h2>"),
        html.index("Recent events</h2>"),
    )
    assert (
        upcoming
        < html.index("Coming in 1 days")
        < html.index("Coming in 3 days")
        < recent
    )
    assert recent < html.index("Held 1 days ago") < html.index("Held 3 days ago")
    assert "Coming in 4 days" not in html
    assert "Held 4 days ago" not in html
    assert "Draft event" not in html


def test_home_shows_event_dates_in_buddhist_era(client, make_event):
    """A Thai home page gives event dates with Thai months and B.E. years."""
    make_event(spans=[(datetime.date(2020, 2, 21), datetime.date(2020, 2, 21))])
    html = client.get("/th/").content.decode()
    assert "21 กุมภาพันธ์ 2563" in html


@pytest.mark.parametrize("rows", [3, 30])
def test_home_query_count_does_not_grow(
    client, make_project, make_event, django_assert_max_num_queries, rows
):
    """The home page costs the same queries for 3 records of each kind as for 30."""
    for n in range(rows):
        make_project(track=Track.SERVICE_ISSUE if n % 2 else Track.AGENCY)
        make_event(spans=days_from_today(n + 1))
        make_event(spans=days_from_today(-n - 1))
    with django_assert_max_num_queries(8):
        response = client.get("/en/")
    cards = min(rows, 6) + 3 + 3
    assert response.content.decode().count('<article class="card">') == cards
