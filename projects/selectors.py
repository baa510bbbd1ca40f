"""Read queries for the public project pages."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Min, Prefetch, QuerySet
from django.utils import timezone

from agencies.models import Agency
from events.models import Event
from govlab.search import SearchQuery, parse_query
from projects.facets import (
    COLUMN_FACETS,
    ColumnCounts,
    FacetOption,
    agency_facet,
    column_facets,
    event_facet,
)
from projects.filters import (
    ProjectFilter,
    project_text_match,
    sort_orderings,
    translated_text,
)
from projects.models import Project, StageChange
from updates.models import ProjectUpdate, ReviewStatus

# A query matching more published projects than this is not counted or ranked in
# full: the first this many found are ranked. Finding them reads each candidate's
# search text, about 0.1 ms a row on PostgreSQL (docs/deploy.md).
SEARCH_CANDIDATES = 500


@dataclass(frozen=True)
class ProjectSearch:
    """What the project list shows: the filter form, the matches and facet counts.

    ``count`` is how many projects ``projects`` holds; ``more_than`` is set when
    more projects match than were ranked (count and facets then give no totals).
    ``cut_facets`` names the facets that offer only the options with most projects.
    ``column_counts`` counts the projects by track, stage, fiscal year and issue
    area under every filter but those four (None when ``more_than`` is set).
    """

    form: forms.Form
    projects: QuerySet[Project]
    facets: dict[str, list[FacetOption]]
    count: int
    more_than: int | None = None
    cut_facets: frozenset[str] = frozenset()
    column_counts: ColumnCounts | None = None


def project_published() -> QuerySet[Project]:
    """Published projects with what a project card shows, newest first."""
    return (
        Project.objects.filter(is_published=True)
        .select_related("issue_area", "lead_agency")
        .order_by(*sort_orderings("newest"))
    )


def project_list(*, filters: Mapping[str, Any] | None = None) -> QuerySet[Project]:
    """Published projects matching the filters; none when a filter value is invalid."""
    filterset = ProjectFilter(filters or {}, queryset=project_published())
    return filterset.qs if filterset.is_valid() else filterset.qs.none()


def project_search(*, filters: Mapping[str, Any]) -> ProjectSearch:
    """The list page's data, in a fixed number of queries: invalid values give form
    errors and no projects.

    Each facet counts what its options would give combined with the other valid
    filters (a facet ignores its own filter). A text query first finds up to
    SEARCH_CANDIDATES + 1 matching ids, which the other queries then reuse; past
    that many, only a bounded set of candidates is ranked and nothing is totalled.
    """
    filterset = ProjectFilter(filters, queryset=project_published())
    valid = filterset.is_valid()
    chosen = filterset.form.cleaned_data
    query = parse_query(chosen.get("q"))
    text = _text_matches(query) if query else None
    capped = text is not None and len(text) > SEARCH_CANDIDATES
    more_than = None
    if capped and valid:
        candidates, more_than = _candidates(filterset, text)
        filterset.text_matches = candidates
    else:
        filterset.text_matches = text
    counts = ColumnCounts.of(_others(filterset, COLUMN_FACETS, text))
    cut = {
        "agency": agency_facet(
            _others(filterset, ("agency",), text),
            chosen.get("agency"),
            show_counts=not capped,
        ),
        "event": event_facet(
            _others(filterset, ("event",), text),
            chosen.get("event"),
            show_counts=not capped,
        ),
    }
    facets = {
        **column_facets(counts, chosen, show_counts=not capped),
        **{name: facet.options for name, facet in cut.items()},
    }
    cut_facets = frozenset(name for name, facet in cut.items() if facet.cut)
    filterset.show_facets(facets, cut=cut_facets)
    if not valid:
        projects, count = filterset.queryset.none(), 0
    elif capped:
        projects, count = filterset.qs, len(filterset.text_matches)
    else:
        projects, count = filterset.qs, counts.total(chosen)
    return ProjectSearch(
        form=filterset.form,
        projects=projects,
        facets=facets,
        count=count,
        more_than=more_than,
        cut_facets=cut_facets,
        column_counts=None if capped else counts,
    )


def _text_matches(query: SearchQuery) -> list[int]:
    """Ids of up to SEARCH_CANDIDATES + 1 published projects the query matches."""
    matches = Project.objects.filter(is_published=True).filter(
        project_text_match(query)
    )
    return list(
        matches.order_by().values_list("pk", flat=True)[: SEARCH_CANDIDATES + 1]
    )


def _candidates(
    filterset: ProjectFilter, text: list[int]
) -> tuple[list[int], int | None]:
    """The projects to rank when the query alone matches too many: those matching
    every filter, up to the limit. Gives their ids and, when more match, the limit
    (shown as "more than")."""
    others = set(filterset.form.cleaned_data) - {"q", "sort"}
    if any(filterset.form.cleaned_data[name] for name in others):
        filtered = filterset.filter_queryset(Project.objects.filter(is_published=True))
        ids = filtered.order_by().values_list("pk", flat=True)
        text = list(ids[: SEARCH_CANDIDATES + 1])
    if len(text) <= SEARCH_CANDIDATES:
        return text, None
    return text[:SEARCH_CANDIDATES], SEARCH_CANDIDATES


def project_text_candidates(query: SearchQuery) -> tuple[list[int], int | None]:
    """Ids of up to SEARCH_CANDIDATES published projects the query matches, and
    SEARCH_CANDIDATES when more match (None when these are all of them)."""
    text = _text_matches(query)
    if len(text) > SEARCH_CANDIDATES:
        return text[:SEARCH_CANDIDATES], SEARCH_CANDIDATES
    return text, None


def project_text_bound(filterset: ProjectFilter) -> int | None:
    """Bound a validated filterset's text query as the list page does: its ``qs``
    then holds at most SEARCH_CANDIDATES matches, ranked. Gives that limit when more
    projects match (its list then leaves some out), None when it holds them all."""
    query = parse_query(filterset.form.cleaned_data.get("q"))
    if not query:
        return None
    text = _text_matches(query)
    if len(text) <= SEARCH_CANDIDATES:
        filterset.text_matches = text
        return None
    filterset.text_matches, more_than = _candidates(filterset, text)
    return more_than


def project_get(*, slug: str) -> Project:
    """A published project with everything its page shows; DoesNotExist otherwise.

    ``timeline`` holds its approved updates, newest first, each with the
    ``stage_moves`` it made; ``stage_history`` every stage change, newest first,
    and ``lessons`` those of them that record lessons learned.
    """
    events = (
        Event.objects.filter(is_published=True)
        .annotate(first_day=Min("date_spans__start"))
        .prefetch_related("date_spans")
        .order_by("first_day", "slug")
    )
    timeline = (
        ProjectUpdate.objects.filter(status=ReviewStatus.APPROVED)
        .prefetch_related("links", "attachments")
        .order_by("-reported_on", "-pk")
    )
    project = (
        Project.objects.filter(is_published=True)
        .select_related("issue_area", "lead_agency", "origin_event")
        .prefetch_related(
            Prefetch("participating_agencies", queryset=_by_name(Agency.objects)),
            Prefetch("consultants", queryset=_by_name(Agency.objects)),
            Prefetch("events", queryset=events),
            Prefetch("updates", queryset=timeline, to_attr="timeline"),
            Prefetch(
                "stage_changes",
                queryset=StageChange.objects.order_by("-changed_at", "-pk"),
                to_attr="stage_history",
            ),
        )
        .get(slug=slug)
    )
    for change in project.stage_history:
        change.changed_on = timezone.localdate(change.changed_at)
    for update in project.timeline:
        update.stage_moves = [
            change for change in project.stage_history if change.update_id == update.pk
        ]
    project.lessons = [
        change
        for change in project.stage_history
        if change.lessons_learned_th or change.lessons_learned_en
    ]
    return project


def _by_name(queryset: QuerySet) -> QuerySet:
    return queryset.order_by(translated_text("name"), "slug")


def _others(
    filterset: ProjectFilter, facets: tuple[str, ...], text: list[int] | None
) -> QuerySet[Project]:
    """Published projects narrowed by every valid filter except the facets' own;
    the text query as the ids it matched."""
    queryset = Project.objects.filter(is_published=True)
    for name, value in filterset.form.cleaned_data.items():
        if name in (*facets, "sort"):
            continue
        if name == "q" and text is not None:
            queryset = queryset.filter(pk__in=text)
        else:
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset.order_by()
