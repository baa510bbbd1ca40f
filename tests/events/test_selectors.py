import datetime

import pytest
from django.utils import timezone

from events.models import Event
from events.selectors import (
    event_get,
    event_list,
    event_list_for_agency,
    event_list_recent,
    event_list_split,
    event_list_upcoming,
)

pytestmark = pytest.mark.django_db


def days_from_today(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def one_day(n):
    return [(days_from_today(n), days_from_today(n))]


def test_split_puts_events_ending_today_or_later_in_upcoming(make_event):
    """An event is upcoming until its last day has passed."""
    today = timezone.localdate()
    ends_today = make_event(spans=[(days_from_today(-2), today)])
    running = make_event(spans=[(days_from_today(-1), days_from_today(1))])
    ended = make_event(spans=one_day(-1))
    upcoming, past = event_list_split(events=event_list().qs, today=today)
    assert {e.slug for e in upcoming} == {ends_today.slug, running.slug}
    assert [e.slug for e in past] == [ended.slug]


def test_later_span_keeps_a_multi_span_event_upcoming(make_event):
    """An event whose first span is over but whose second is ahead is upcoming."""
    event = make_event(spans=[(days_from_today(-5), days_from_today(-5)), *one_day(3)])
    upcoming, past = event_list_split(
        events=event_list().qs, today=timezone.localdate()
    )
    assert [e.slug for e in upcoming] == [event.slug]
    assert upcoming[0].first_day == days_from_today(-5)
    assert list(past) == []


def test_upcoming_soonest_first_and_past_most_recent_first(make_event):
    """Upcoming events run soonest first; past events most recent first."""
    later, sooner = make_event(spans=one_day(30)), make_event(spans=one_day(2))
    old, recent = make_event(spans=one_day(-300)), make_event(spans=one_day(-3))
    upcoming, past = event_list_split(
        events=event_list().qs, today=timezone.localdate()
    )
    assert [e.slug for e in upcoming] == [sooner.slug, later.slug]
    assert [e.slug for e in past] == [recent.slug, old.slug]


def test_home_page_lists_are_limited(make_event):
    """The short upcoming and recent lists stop at the limit asked for."""
    for n in range(1, 6):
        make_event(spans=one_day(n))
        make_event(spans=one_day(-n))
    today = timezone.localdate()
    upcoming = list(event_list_upcoming(today=today, limit=3))
    recent = list(event_list_recent(today=today, limit=3))
    assert [e.first_day for e in upcoming] == [days_from_today(n) for n in (1, 2, 3)]
    assert [e.first_day for e in recent] == [days_from_today(-n) for n in (1, 2, 3)]


def test_agency_events_are_those_it_organised_or_partnered(make_agency, make_event):
    """An agency's events are the published ones it organised or partnered in."""
    agency = make_agency(name_th="สำนักงาน ก.พ.ร.", slug="opdc")
    organised, partnered = make_event(spans=one_day(-10)), make_event(spans=one_day(-5))
    draft, unrelated = make_event(is_published=False), make_event()
    organised.organisers.add(agency)
    partnered.partners.add(agency)
    draft.organisers.add(agency)
    unrelated.organisers.add(make_agency())
    events = list(event_list_for_agency(agency=agency))
    assert [e.slug for e in events] == [partnered.slug, organised.slug]
    assert [e.is_organiser for e in events] == [False, True]


def test_event_get_refuses_an_unpublished_event(make_event):
    """event_get() does not give away a draft event."""
    draft = make_event(is_published=False)
    with pytest.raises(Event.DoesNotExist):
        event_get(slug=draft.slug)


def test_event_get_keeps_published_projects_and_lists_origins_once(
    make_event, make_project
):
    """Related projects are published ones, not repeating those that began there."""
    event = make_event()
    originated = make_project(origin_event=event)
    related = make_project()
    draft = make_project(is_published=False)
    draft_origin = make_project(is_published=False, origin_event=event)
    event.related_projects.add(originated, related, draft, draft_origin)
    fetched = event_get(slug=event.slug)
    assert [p.slug for p in fetched.public_related_projects] == [related.slug]
    assert [p.slug for p in fetched.public_originated_projects] == [originated.slug]
