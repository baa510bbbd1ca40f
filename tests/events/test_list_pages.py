"""/<lang>/events/ in pages: upcoming events first, then past ones, filters kept."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventKind
from events.views import EVENTS_PER_PAGE

pytestmark = pytest.mark.django_db


def days_from_today(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def many_events(make_event):
    """5 upcoming workshops, then 30 past ones (Past 0 the most recent), a hackathon."""
    for n in range(5):
        make_event(title_en=f"Soon {n}", spans=[(days_from_today(n + 1),) * 2])
    for n in range(30):
        make_event(title_en=f"Past {n}.", spans=[(days_from_today(-n - 1),) * 2])
    make_event(title_en="Coding day", kind=EventKind.HACKATHON)


def titles(response):
    page = response.context["page_obj"]
    return [event.title_en for event in page]


def test_first_page_shows_upcoming_then_the_latest_past_events(client, many_events):
    """Page 1: every upcoming event soonest first, then the most recent past ones."""
    response = client.get("/en/events/?kind=workshop")
    html = response.content.decode()
    expected_past = [f"Past {n}." for n in range(EVENTS_PER_PAGE - 5)]
    assert titles(response) == [f"Soon {n}" for n in range(5)] + expected_past
    assert html.index("Upcoming events</h2>") < html.index("Soon 4")
    assert html.index("Soon 4") < html.index("Past events</h2>")
    assert html.index("Past events</h2>") < html.index("Past 0.")
    assert "Page 1 of 2" in html
    assert 'href="?kind=workshop&amp;page=2"' in html


def test_last_page_continues_the_past_events(client, many_events):
    """Page 2: the older past events, without an empty Upcoming section."""
    response = client.get("/en/events/?kind=workshop&page=2")
    html = response.content.decode()
    assert titles(response) == [f"Past {n}." for n in range(EVENTS_PER_PAGE - 5, 30)]
    assert "Upcoming events</h2>" not in html
    assert "Past events</h2>" in html
    assert "Coding day" not in html


def test_page_past_the_end_is_not_found(client, many_events):
    """A page number beyond the last page is a 404, not an empty list."""
    assert client.get("/en/events/?page=9").status_code == 404
