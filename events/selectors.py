"""Read queries for the public event pages.

Each event list is annotated with its first and last day (Min/Max over its date
spans) and prefetches the spans, so a page costs the same few queries however many
events it shows. An event is upcoming while its last day is today or later.
"""

import datetime
from collections.abc import Mapping

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)

from agencies.models import Agency
from agencies.selectors import translated_order
from events.filters import EventFilter
from events.models import Event, EventDateSpan
from projects.models import Project


def _project_cards() -> QuerySet[Project]:
    """Published projects with what includes/project_card.html shows."""
    return Project.objects.filter(is_published=True).select_related(
        "lead_agency", "issue_area"
    )


def event_cards() -> QuerySet[Event]:
    """Published events with what includes/event_card.html shows."""
    return (
        Event.objects.filter(is_published=True)
        .annotate(first_day=Min("date_spans__start"), last_day=Max("date_spans__end"))
        .prefetch_related(
            Prefetch("date_spans", queryset=EventDateSpan.objects.order_by("start"))
        )
    )


def _upcoming(events: QuerySet[Event], *, today: datetime.date) -> QuerySet[Event]:
    # An event without dates yet is still to come: list it last among the upcoming.
    return events.filter(Q(last_day__gte=today) | Q(last_day__isnull=True)).order_by(
        F("first_day").asc(nulls_last=True), "slug"
    )


def _past(events: QuerySet[Event], *, today: datetime.date) -> QuerySet[Event]:
    return events.filter(last_day__lt=today).order_by("-last_day", "-first_day", "slug")


def event_list(*, filters: Mapping[str, str] | None = None) -> EventFilter:
    """Published events filtered by kind and year.

    Returns the bound FilterSet: its form carries the options and any errors, its
    `qs` the matching events. An invalid value is reported and left out of the
    filtering, so the page still lists what the valid values select.
    """
    return EventFilter(filters if filters is not None else {}, queryset=event_cards())


def event_list_split(
    *, events: QuerySet[Event], today: datetime.date
) -> tuple[QuerySet[Event], QuerySet[Event]]:
    """Upcoming events soonest first, and past events most recent first."""
    return _upcoming(events, today=today), _past(events, today=today)


def event_list_ordered(*, events: QuerySet[Event], today: datetime.date) -> QuerySet:
    """Upcoming events soonest first, then past events most recent first, in one
    ordering that pages can cut; each event tells whether it ``is_past``."""
    past = Q(last_day__lt=today)

    def when_past(field: str) -> Case:
        return Case(When(past, then=F(field)))

    def when_upcoming(field: str) -> Case:
        return Case(When(past, then=None), default=F(field))

    is_past = Case(
        When(past, then=Value(True)), default=Value(False), output_field=BooleanField()
    )
    return events.annotate(is_past=is_past).order_by(
        "is_past",
        # Null for the other group's events, which the first term already placed.
        when_upcoming("first_day").asc(nulls_last=True),
        when_past("last_day").desc(),
        when_past("first_day").desc(),
        "slug",
    )


def event_list_upcoming(*, today: datetime.date, limit: int) -> QuerySet[Event]:
    return _upcoming(event_cards(), today=today)[:limit]


def event_list_recent(*, today: datetime.date, limit: int) -> QuerySet[Event]:
    return _past(event_cards(), today=today)[:limit]


def event_list_for_agency(*, agency: Agency) -> QuerySet[Event]:
    """Published events the agency organised or partnered in, most recent first."""
    organised = Event.organisers.through.objects.filter(
        event_id=OuterRef("pk"), agency_id=agency.pk
    )
    partnered = Event.partners.through.objects.filter(
        event_id=OuterRef("pk"), agency_id=agency.pk
    )
    return (
        event_cards()
        .annotate(is_organiser=Exists(organised))
        .filter(Q(Exists(organised)) | Q(Exists(partnered)))
        .order_by(F("last_day").desc(nulls_first=True), "slug")
    )


def event_get(*, slug: str) -> Event:
    """A published event with its spans, agencies and published projects.

    Raises Event.DoesNotExist for an unknown or unpublished slug.
    """
    agencies = Agency.objects.order_by(translated_order("name"), "slug")
    return (
        Event.objects.filter(is_published=True)
        .prefetch_related(
            Prefetch("date_spans", queryset=EventDateSpan.objects.order_by("start")),
            Prefetch("organisers", queryset=agencies),
            Prefetch("partners", queryset=agencies),
            # A project that came out of the event is listed there, not twice.
            Prefetch(
                "related_projects",
                queryset=_project_cards().exclude(origin_event__slug=slug),
                to_attr="public_related_projects",
            ),
            Prefetch(
                "originated_projects",
                queryset=_project_cards(),
                to_attr="public_originated_projects",
            ),
        )
        .get(slug=slug)
    )
