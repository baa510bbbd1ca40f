"""iCalendar (RFC 5545) files of published events: one event, or every upcoming one.

Each date span is one all-day VEVENT: DTSTART and DTEND are DATE values and DTEND is
exclusive, the day after the span's last day. A span's UID names the event's primary
key and the span's first day, so a calendar that imports the file again updates the
entries it made the first time instead of doubling them.
"""

import datetime
from collections.abc import Callable, Iterable

import icalendar
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from events.models import Event, EventDateSpan
from govlab.feed_entries import event_place
from govlab.localized import localized

PRODID = "-//OPDC//Gov Lab Registry//EN"
UID_DOMAIN = "govlab-registry"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def span_uid(event: Event, span: EventDateSpan) -> str:
    return f"event-{event.pk}-span-{span.start:%Y%m%d}@{UID_DOMAIN}"


def span_vevent(
    event: Event, span: EventDateSpan, *, url: str, stamp: datetime.datetime
) -> icalendar.Event:
    """One all-day entry for one run of days of the event."""
    last_day = span.end or span.start
    text = localized(event, "summary") or localized(event, "description")
    vevent = icalendar.Event()
    vevent.add("uid", span_uid(event, span))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", span.start)
    vevent.add("dtend", last_day + datetime.timedelta(days=1))
    vevent.add("summary", localized(event, "title"))
    # Many calendar apps show DESCRIPTION but not URL: give the address in both.
    vevent.add("description", f"{text}\n\n{url}" if text else url)
    place = event_place(event)
    if place:
        vevent.add("location", place)
    vevent.add("url", url)
    vevent.add("categories", [str(event.get_kind_display())])
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("transp", "TRANSPARENT")
    return vevent


def events_calendar(
    events: Iterable[Event], *, name: str, absolute_url: Callable[[str], str]
) -> icalendar.Calendar:
    """A calendar of the events' date spans (prefetched as ``date_spans``)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", _("Events of Thailand's Government Innovation Lab"))
    stamp = timezone.now()
    for event in events:
        url = absolute_url(event.get_absolute_url())
        for span in event.date_spans.all():
            calendar.add_component(span_vevent(event, span, url=url, stamp=stamp))
    return calendar


def calendar_response(calendar: icalendar.Calendar, *, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response.headers["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
