"""Facet counts of the project list in three queries, whatever the filters.

Track, stage, fiscal year and issue area are counted together: one GROUP BY over
the four columns gives a small table of counts, from which each facet (which ignores
its own filter) and the list's total are summed in Python. Agencies and events are
counted with one grouped query each over "lead agency UNION participants" ("origin
event UNION related events"), so no option costs a scan of its own; only those with
the most projects are offered (a select of 5,000 events is no use to anyone).
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, QuerySet, TextChoices

from agencies.models import Agency
from events.models import Event
from govlab import dates
from projects.models import IssueArea, Project, Stage, Track

# The facets counted from the table of column counts, with how a chosen value of
# the filter compares to a row of it.
COLUMN_FACETS = ("track", "stage", "fiscal_year", "issue")

# At national scale (500 agencies, 5,000 events) a select of every option made the
# unfiltered list 640 KB of HTML. The options with the most projects are offered,
# plus the chosen one; any other still filters when its slug is in the address.
AGENCY_OPTIONS = 100
EVENT_OPTIONS = 50


@dataclass(frozen=True)
class FacetOption:
    """One option of a filter and how many projects choosing it would give.

    ``count`` is None when the list is too long to count (see projects.selectors).
    """

    value: str
    label: str
    count: int | None


@dataclass(frozen=True)
class CutFacet:
    """The options offered for agencies or events; ``cut`` when some were left out."""

    options: list[FacetOption]
    cut: bool


@dataclass(frozen=True)
class ColumnCounts:
    """Projects per (track, stage, fiscal year, issue area slug), with issue names."""

    rows: Counter
    issue_names: dict[str, tuple[str, str | None]]

    @classmethod
    def of(cls, projects: QuerySet[Project]) -> "ColumnCounts":
        grouped = (
            projects.order_by()
            .values_list("track", "stage", "fiscal_year", "issue_area")
            .annotate(n=Count("*"))
        )
        issues = IssueArea.objects.order_by().values_list(
            "id", "slug", "name_th", "name_en"
        )
        try:
            sql, params = grouped.query.sql_with_params()
        except EmptyResultSet:
            return cls(rows=Counter(), issue_names={})
        issue_sql, issue_params = issues.query.sql_with_params()
        # Issue areas joined after grouping, so that the grouping reads the index
        # of the four columns only (a join first made PostgreSQL scan the table).
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT grouped.track, grouped.stage, grouped.fiscal_year, "
                "issues.slug, issues.name_th, issues.name_en, grouped.n "
                f"FROM ({sql}) grouped LEFT OUTER JOIN ({issue_sql}) issues "
                "ON issues.id = grouped.issue_area",
                (*params, *issue_params),
            )
            rows = cursor.fetchall()
        counts: Counter = Counter()
        names = {}
        for track, stage, year, issue, name_th, name_en, n in rows:
            counts[(track, stage, year, issue)] += n
            if issue:
                names[issue] = (name_th, name_en)
        return cls(rows=counts, issue_names=names)

    def total(self, chosen: dict) -> int:
        """Projects matching every chosen column filter."""
        wanted = _wanted(chosen)
        return sum(n for key, n in self.rows.items() if _matches(key, wanted, None))

    def chart(self, name: str, chosen: dict) -> Counter:
        """Counts per value of one column, under every column filter."""
        wanted = _wanted(chosen)
        position = COLUMN_FACETS.index(name)
        counts: Counter = Counter()
        for key, n in self.rows.items():
            if _matches(key, wanted, None):
                counts[key[position]] += n
        return counts

    def facet(self, name: str, chosen: dict) -> Counter:
        """Counts per value of one column, under the other column filters."""
        wanted = _wanted(chosen)
        position = COLUMN_FACETS.index(name)
        counts: Counter = Counter()
        for key, n in self.rows.items():
            if _matches(key, wanted, position):
                counts[key[position]] += n
        return counts


def _wanted(chosen: dict) -> tuple:
    issue = chosen.get("issue")
    return (
        chosen.get("track") or None,
        chosen.get("stage") or None,
        chosen.get("fiscal_year") or None,
        issue.slug if issue else None,
    )


def _matches(key: tuple, wanted: tuple, ignored: int | None) -> bool:
    return all(
        want is None or i == ignored or value == want
        for i, (value, want) in enumerate(zip(key, wanted, strict=True))
    )


def column_facets(
    counts: ColumnCounts, chosen: dict, *, show_counts: bool
) -> dict[str, list[FacetOption]]:
    """The track, stage, fiscal year and issue area options."""
    shown = _shown if show_counts else _hidden
    issue = chosen.get("issue")
    issue_counts = counts.facet("issue", chosen)
    issues = {
        slug: _option(slug, *counts.issue_names[slug], shown(n))
        for slug, n in issue_counts.items()
        if slug
    }
    if issue and issue.slug not in issues:
        issues[issue.slug] = _option(issue.slug, issue.name_th, issue.name_en, 0)
    years = counts.facet("fiscal_year", chosen)
    if chosen.get("fiscal_year"):
        years.setdefault(chosen["fiscal_year"], 0)
    return {
        "track": _choices(counts.facet("track", chosen), Track, chosen, shown),
        "issue": _sorted(issues.values()),
        "fiscal_year": [
            # Thai readers count in the Buddhist Era already; English ones get FY2020.
            FacetOption(
                str(year),
                str(year) if dates.is_thai() else dates.format_fiscal_year(year),
                shown(years[year]),
            )
            for year in sorted(years, reverse=True)
        ],
        "stage": _choices(counts.facet("stage", chosen), Stage, chosen, shown),
    }


def _choices(
    counts: Counter, choices: type[TextChoices], chosen: dict, shown: Callable
) -> list[FacetOption]:
    field = choices.__name__.lower()
    selected = chosen.get(field) or None
    return [
        FacetOption(value, str(label), shown(counts[value]))
        for value, label in choices.choices
        # An option that would give nothing is hidden, unless it is the one chosen.
        if counts[value] > 0 or value == selected
    ]


def agency_facet(
    projects: QuerySet[Project], selected: Agency | None, *, show_counts: bool
) -> CutFacet:
    """The AGENCY_OPTIONS agencies leading or taking part in the most projects."""
    rows = _owner_counts(
        *_agency_pairs(projects),
        Agency.objects.all(),
        "name",
        first=selected,
        limit=AGENCY_OPTIONS,
    )
    return _cut_facet(rows, "name", selected, AGENCY_OPTIONS, show_counts)


def agency_project_counts(projects: QuerySet[Project]) -> list[tuple]:
    """(slug, Thai name, English name, projects) of each agency leading or taking
    part in some of the projects, most projects first; one query."""
    return _owner_counts(*_agency_pairs(projects), Agency.objects.all(), "name")


def _agency_pairs(projects: QuerySet[Project]) -> tuple[QuerySet, QuerySet]:
    through = Project.participating_agencies.through
    taking_part = through.objects.filter(project__in=projects).exclude(
        # Counted once as lead: a project lists its lead among participants too.
        project__lead_agency=F("agency")
    )
    return (
        projects.filter(lead_agency__isnull=False).values_list("lead_agency"),
        taking_part.values_list("agency"),
    )


def event_facet(
    projects: QuerySet[Project], selected: Event | None, *, show_counts: bool
) -> CutFacet:
    """The EVENT_OPTIONS published events most of the projects came out of or relate
    to."""
    through = Event.related_projects.through
    related = through.objects.filter(project__in=projects).exclude(
        project__origin_event=F("event")
    )
    rows = _owner_counts(
        projects.filter(origin_event__isnull=False).values_list("origin_event"),
        related.values_list("event"),
        Event.objects.filter(is_published=True),
        "title",
        first=selected,
        limit=EVENT_OPTIONS,
    )
    return _cut_facet(rows, "title", selected, EVENT_OPTIONS, show_counts)


def _owner_counts(
    direct: QuerySet,
    linked: QuerySet,
    owners: QuerySet,
    text_field: str,
    *,
    first: Agency | Event | None = None,
    limit: int | None = None,
) -> list[tuple]:
    """One query: (owner, project) pairs of both kinds, counted per owner, as
    (slug, Thai text, English text, count); ``first`` first, then most projects.

    The pairs are distinct (a link table holds a pair once, and a link that repeats
    the direct relation is left out), so COUNT(*) counts each project once. Two
    rows past ``limit`` are read: ``first`` may be one, and one more tells that
    some were left out.
    """
    # The union's column takes the name of the first part's field.
    owner = direct.query.values_select[0]
    union = direct.order_by().union(linked.order_by(), all=True)
    try:
        pairs, pair_params = union.query.sql_with_params()
    except EmptyResultSet:
        # Filters that can match nothing (a query with no words to look for).
        return []
    labels = owners.order_by().values_list(
        "id", "slug", f"{text_field}_th", f"{text_field}_en"
    )
    owner_sql, owner_params = labels.query.sql_with_params()
    th, en = f"{text_field}_th", f"{text_field}_en"
    # Composed of the ORM's own SQL for both parts; values are passed as params.
    sql = (
        f"SELECT owned.slug, owned.{th}, owned.{en}, counted.n FROM "
        f"(SELECT {owner} AS owner, COUNT(*) AS n FROM ({pairs}) pairs "
        f"GROUP BY {owner}) counted "
        f"INNER JOIN ({owner_sql}) owned ON owned.id = counted.owner "
        "ORDER BY CASE WHEN owned.id = %s THEN 0 ELSE 1 END, counted.n DESC, "
        "owned.slug"
    )
    params = [*pair_params, *owner_params, first.pk if first else 0]
    if limit is not None:
        sql += " LIMIT %s"
        params.append(limit + 2)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _cut_facet(
    rows: list[tuple],
    text_field: str,
    selected: Agency | Event | None,
    limit: int,
    show_counts: bool,
) -> CutFacet:
    """The selected option and the ``limit`` first of the others, by label."""
    shown = _shown if show_counts else _hidden
    first = rows[:1] if selected and rows and rows[0][0] == selected.slug else []
    others = rows[len(first) :]
    kept = first + others[:limit]
    options = {slug: _option(slug, th, en, shown(n)) for slug, th, en, n in kept}
    if selected and selected.slug not in options:
        texts = (getattr(selected, f"{text_field}_{lang}") for lang in ("th", "en"))
        options[selected.slug] = _option(selected.slug, *texts, shown(0))
    return CutFacet(options=_sorted(options.values()), cut=len(others) > limit)


def _shown(count: int) -> int:
    return count


def _hidden(count: int) -> None:
    return None


def _sorted(options) -> list[FacetOption]:
    return sorted(options, key=lambda option: option.label.casefold())


def _option(value: str, text_th: str, text_en: str | None, count) -> FacetOption:
    english = not dates.is_thai()
    label = (text_en if english and text_en else text_th) or value
    return FacetOption(value, label, count)
