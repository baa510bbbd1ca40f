"""Read queries for the statistics page: a few grouped queries for every chart.

The project charts count what /<lang>/projects/ lists for the same filters, the event
charts what /<lang>/events/ lists for its kind and year filters: published records
only. However many records there are, the fiscal year, track, stage and issue area
charts come from one GROUP BY over the four columns (the one the list's facets
count, when given), the agency chart from one more, and both event charts from one.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from events.filters import EventFilter
from events.models import Event, EventDateSpan, EventKind
from govlab import dates
from projects.facets import ColumnCounts, agency_project_counts
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


def project_chart_list(
    *,
    projects: QuerySet[Project],
    counts: ColumnCounts | None = None,
    chosen: Mapping | None = None,
) -> list[Chart]:
    """Projects by fiscal year, track, stage, issue area and agency.

    ``counts`` and ``chosen`` (from project_search and its form) save counting the
    four columns again: the projects are those rows that match every chosen value.
    """
    projects = projects.order_by()
    if counts is None:
        counts, chosen = ColumnCounts.of(projects), {}
    chosen = chosen or {}
    return [
        _fiscal_year_chart(counts.chart("fiscal_year", chosen)),
        _choice_chart(
            counts.chart("track", chosen),
            "track",
            Track,
            _("Projects by track"),
            _("Track"),
        ),
        _choice_chart(
            counts.chart("stage", chosen),
            "stage",
            Stage,
            _("Projects by stage"),
            _("Stage"),
        ),
        _issue_chart(counts.chart("issue", chosen), counts.issue_names),
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
    """Events by kind and by year, from one grouped query; ``events`` comes from
    event_filter().

    Grouping by kind and the pair of years gives rows numbering the distinct
    triples, not the events.
    """
    rows = list(
        events.order_by()
        .values_list("kind", ExtractYear("first_day"), ExtractYear("last_day"))
        .annotate(n=Count("pk", distinct=True))
    )
    return [_event_kind_chart(rows), _event_year_chart(rows)]


def _local(text_th: str, text_en: str | None) -> str:
    english = (get_language() or "th").startswith("en")
    return (text_en if english and text_en else text_th) or ""


def _fiscal_year_chart(counts: Counter) -> Chart:
    counts = {year: n for year, n in counts.items() if year is not None}
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
    counts: Counter, field: str, choices, title: str, category: str
) -> Chart:
    """Every choice in its defined order (stages along the pipeline), zeros kept."""
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


def _issue_chart(counts: Counter, names: Mapping[str, tuple]) -> Chart:
    bars = [
        Bar(_local(*names[slug]) or slug, n, slug)
        for slug, n in counts.items()
        if slug and n
    ]
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
    """Projects each agency leads or takes part in, each project once per agency:
    one grouped query over (agency, project) pairs, as the list's agency facet."""
    rows = agency_project_counts(projects)
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


def _event_kind_chart(rows: list[tuple]) -> Chart:
    counts: Counter[str] = Counter()
    for kind, _first, _last, n in rows:
        counts[kind] += n
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


def _event_year_chart(rows: list[tuple]) -> Chart:
    """An event counts in each year from its first day to its last, as the list."""
    counts: Counter[int] = Counter()
    for _kind, first, last, n in rows:
        if first is None:
            continue
        for year in range(first, (last or first) + 1):
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
