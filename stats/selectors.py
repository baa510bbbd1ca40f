"""Read queries for the statistics page: one aggregate query per chart.

The project charts count what /<lang>/projects/ lists for the same filters, the event
charts what /<lang>/events/ lists for its kind and year filters: published records
only. However many records there are, a chart costs one query.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from agencies.models import Agency
from events.filters import EventFilter
from events.models import Event, EventDateSpan, EventKind
from govlab import dates
from projects.models import Project, Stage, Track

# Beyond this many the agency chart stops being readable on a phone.
TOP_AGENCIES = 15


@dataclass(frozen=True)
class Bar:
    """One row of a chart; ``value`` is the filter value that selects its records."""

    label: str
    count: int
    value: str = ""


@dataclass(frozen=True)
class Chart:
    """A count of projects or events by one property, in the order shown."""

    slug: str
    title: str
    category: str
    unit: str
    param: str
    bars: tuple[Bar, ...]
    note: str = ""

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars)


def project_chart_list(*, projects: QuerySet[Project]) -> list[Chart]:
    """Projects by fiscal year, track, stage, issue area and agency."""
    projects = projects.order_by()
    return [
        _fiscal_year_chart(projects),
        _choice_chart(projects, "track", Track, _("Projects by track"), _("Track")),
        _choice_chart(projects, "stage", Stage, _("Projects by stage"), _("Stage")),
        _issue_chart(projects),
        _agency_chart(projects),
    ]


def event_published() -> QuerySet[Event]:
    """Published events with their first and last day, as EventFilter needs.

    The days are subqueries rather than Min/Max so that the charts can group the
    events by them without grouping by an aggregate.
    """
    spans = EventDateSpan.objects.filter(event=OuterRef("pk"))
    return Event.objects.filter(is_published=True).annotate(
        first_day=Subquery(spans.order_by("start").values("start")[:1]),
        last_day=Subquery(spans.order_by("-end").values("end")[:1]),
    )


def event_filter(*, filters: Mapping[str, str]) -> EventFilter:
    """The event list's kind and year filter over published events."""
    return EventFilter(filters, queryset=event_published())


def event_chart_list(*, events: QuerySet[Event]) -> list[Chart]:
    """Events by kind and by year; ``events`` comes from event_filter()."""
    return [_event_kind_chart(events.order_by()), _event_year_chart(events.order_by())]


def _local(text_th: str, text_en: str | None) -> str:
    english = (get_language() or "th").startswith("en")
    return (text_en if english and text_en else text_th) or ""


def _fiscal_year_chart(projects: QuerySet[Project]) -> Chart:
    counts = dict(
        projects.values_list("fiscal_year").annotate(n=Count("pk", distinct=True))
    )
    bars = tuple(
        Bar(dates.format_fiscal_year(year), counts.get(year, 0), str(year))
        for year in _year_range(counts)
    )
    return Chart(
        slug="fiscal-year",
        title=_("Projects by fiscal year"),
        category=_("Fiscal year"),
        unit=_("Projects"),
        param="fiscal_year",
        bars=bars,
    )


def _choice_chart(
    projects: QuerySet[Project], field: str, choices, title: str, category: str
) -> Chart:
    """Every choice in its defined order (stages along the pipeline), zeros kept."""
    counts = dict(projects.values_list(field).annotate(n=Count("pk", distinct=True)))
    bars = tuple(
        Bar(str(label), counts.get(value, 0), value) for value, label in choices.choices
    )
    return Chart(
        slug=field,
        title=title,
        category=category,
        unit=_("Projects"),
        param=field,
        bars=bars,
    )


def _issue_chart(projects: QuerySet[Project]) -> Chart:
    rows = (
        projects.filter(issue_area__isnull=False)
        .values_list("issue_area__slug", "issue_area__name_th", "issue_area__name_en")
        .annotate(n=Count("pk", distinct=True))
    )
    bars = [Bar(_local(th, en) or slug, n, slug) for slug, th, en, n in rows]
    return Chart(
        slug="issue",
        title=_("Projects by issue area"),
        category=_("Issue area"),
        unit=_("Projects"),
        param="issue",
        bars=tuple(_by_count(bars)),
        note=_("Only service-issue track projects have an issue area."),
    )


def _agency_chart(projects: QuerySet[Project]) -> Chart:
    """Projects each agency leads or takes part in, each project once per agency.

    Two correlated counts in one query, the second leaving out projects the agency
    also leads; each can use the index on its foreign key.
    """
    agency = OuterRef("pk")
    leads = projects.filter(lead_agency=agency)
    joins = projects.filter(participating_agencies=agency).exclude(lead_agency=agency)
    rows = Agency.objects.annotate(n=_count(leads) + _count(joins)).values_list(
        "slug", "name_th", "name_en", "n"
    )
    bars = _by_count(
        [Bar(_local(th, en) or slug, n, slug) for slug, th, en, n in rows if n > 0]
    )
    note = _("A project counts once for each agency that leads it or takes part in it.")
    others = bars[TOP_AGENCIES:]
    if others:
        bars = bars[:TOP_AGENCIES]
        label = ngettext(
            "%(count)s other agency", "%(count)s other agencies", len(others)
        ) % {"count": len(others)}
        bars.append(Bar(label, sum(bar.count for bar in others)))
        note += " " + _(
            "The %(top)s agencies with the most projects are named; the last row "
            "adds up the others."
        ) % {"top": TOP_AGENCIES}
    return Chart(
        slug="agency",
        title=_("Projects by agency"),
        category=_("Agency"),
        unit=_("Projects"),
        param="agency",
        bars=tuple(bars),
        note=note,
    )


def _count(projects: QuerySet[Project]) -> Coalesce:
    """How many of the projects a correlated subquery finds, as one number."""
    counted = projects.annotate(
        # COUNT as a plain function so Django adds no GROUP BY: one row.
        n=Func(F("pk"), function="COUNT", template="COUNT(DISTINCT %(expressions)s)")
    ).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _by_count(bars: list[Bar]) -> list[Bar]:
    return sorted(bars, key=lambda bar: (-bar.count, bar.label.casefold(), bar.value))


def _year_range(counts: Mapping[int, int]) -> list[int]:
    """Every year from the first to the last, so a year without records shows 0."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    # A stray year far off (data typed wrong) would otherwise draw a hundred bars.
    if last - first > 30:
        return sorted(counts)
    return list(range(first, last + 1))


def _event_kind_chart(events: QuerySet[Event]) -> Chart:
    counts = dict(events.values_list("kind").annotate(n=Count("pk", distinct=True)))
    bars = tuple(
        Bar(str(label), counts.get(value, 0), value)
        for value, label in EventKind.choices
    )
    return Chart(
        slug="event-kind",
        title=_("Events by kind"),
        category=_("Kind"),
        unit=_("Events"),
        param="kind",
        bars=bars,
    )


def _event_year_chart(events: QuerySet[Event]) -> Chart:
    """An event counts in each year from its first day to its last, as the list.

    Grouping by the pair of years keeps it one aggregate query whose rows number
    the distinct pairs, not the events.
    """
    rows = (
        events.filter(first_day__isnull=False)
        .values_list(ExtractYear("first_day"), ExtractYear("last_day"))
        .annotate(n=Count("pk", distinct=True))
    )
    counts: Counter[int] = Counter()
    for first, last, n in rows:
        for year in range(first, last + 1):
            counts[year] += n
    bars = tuple(
        Bar(str(dates.display_year(year)), counts.get(year, 0), str(year))
        for year in _year_range(counts)
    )
    return Chart(
        slug="event-year",
        title=_("Events by year"),
        category=_("Year"),
        unit=_("Events"),
        param="year",
        bars=bars,
        note=_(
            "An event counts in every year it runs in; events without dates yet are "
            "left out."
        ),
    )
