"""Read queries for the public project pages."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextChoices,
)
from django.utils import timezone
from django.utils.translation import get_language

from agencies.models import Agency
from events.models import Event
from govlab import dates
from projects.filters import (
    FacetOption,
    ProjectFilter,
    sort_orderings,
    translated_text,
)
from projects.models import IssueArea, Project, Stage, StageChange, Track
from updates.models import ProjectUpdate, ReviewStatus


@dataclass(frozen=True)
class ProjectSearch:
    """What the project list shows: the filter form, the matches and facet counts."""

    form: forms.Form
    projects: QuerySet[Project]
    facets: dict[str, list[FacetOption]]


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
    """The list page's data: invalid values give form errors and no projects.

    Each facet counts what its options would give combined with the other valid
    filters (a facet ignores its own filter), one query per facet.
    """
    filterset = ProjectFilter(filters, queryset=project_published())
    valid = filterset.is_valid()
    projects = filterset.qs if valid else filterset.queryset.none()
    facets = _facets(filterset)
    filterset.show_facets(facets)
    return ProjectSearch(form=filterset.form, projects=projects, facets=facets)


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


def _facets(filterset: ProjectFilter) -> dict[str, list[FacetOption]]:
    chosen = filterset.form.cleaned_data
    return {
        "track": _choice_facet(_others(filterset, "track"), "track", Track, chosen),
        "issue": _issue_facet(_others(filterset, "issue"), chosen.get("issue")),
        "agency": _agency_facet(_others(filterset, "agency"), chosen.get("agency")),
        "fiscal_year": _fiscal_year_facet(
            _others(filterset, "fiscal_year"), chosen.get("fiscal_year")
        ),
        "stage": _choice_facet(_others(filterset, "stage"), "stage", Stage, chosen),
        "event": _event_facet(_others(filterset, "event"), chosen.get("event")),
    }


def _others(filterset: ProjectFilter, facet: str) -> QuerySet[Project]:
    """Published projects narrowed by every valid filter except the facet's own."""
    queryset = Project.objects.filter(is_published=True)
    for name, value in filterset.form.cleaned_data.items():
        if name not in (facet, "sort"):
            queryset = filterset.filters[name].filter(queryset, value)
    return queryset.order_by()


def _keep(count: int, selected: bool) -> bool:
    # An option that would give nothing is hidden, unless it is the one chosen.
    return count > 0 or selected


def _choice_facet(
    base: QuerySet, field: str, choices: type[TextChoices], chosen: dict
) -> list[FacetOption]:
    counts = dict(base.values_list(field).annotate(n=Count("pk", distinct=True)))
    selected = chosen.get(field) or None
    return [
        FacetOption(value, str(label), counts.get(value, 0))
        for value, label in choices.choices
        if _keep(counts.get(value, 0), value == selected)
    ]


def _fiscal_year_facet(base: QuerySet, selected: int | None) -> list[FacetOption]:
    counts = dict(
        base.values_list("fiscal_year").annotate(n=Count("pk", distinct=True))
    )
    if selected:
        counts.setdefault(selected, 0)
    # Thai readers count in the Buddhist Era already; English ones get FY2020 too.
    return [
        FacetOption(
            str(year),
            str(year) if dates.is_thai() else dates.format_fiscal_year(year),
            counts[year],
        )
        for year in sorted(counts, reverse=True)
    ]


def _issue_facet(base: QuerySet, selected: IssueArea | None) -> list[FacetOption]:
    rows = (
        base.filter(issue_area__isnull=False)
        .values_list("issue_area__slug", "issue_area__name_th", "issue_area__name_en")
        .annotate(n=Count("pk", distinct=True))
    )
    options = {slug: _option(slug, th, en, n) for slug, th, en, n in rows}
    if selected and selected.slug not in options:
        options[selected.slug] = _option(
            selected.slug, selected.name_th, selected.name_en, 0
        )
    return sorted(options.values(), key=lambda option: option.label.casefold())


def _agency_facet(base: QuerySet, selected: Agency | None) -> list[FacetOption]:
    through = Project.participating_agencies.through
    taking_part = through.objects.filter(agency=OuterRef(OuterRef("pk")))
    matching = base.filter(
        Q(lead_agency=OuterRef("pk")) | Q(pk__in=taking_part.values("project_id"))
    )
    return _counted(Agency.objects.all(), "name", matching, selected)


def _event_facet(base: QuerySet, selected: Event | None) -> list[FacetOption]:
    through = Event.related_projects.through
    related = through.objects.filter(event=OuterRef(OuterRef("pk")))
    matching = base.filter(
        Q(origin_event=OuterRef("pk")) | Q(pk__in=related.values("project_id"))
    )
    return _counted(
        Event.objects.filter(is_published=True), "title", matching, selected
    )


def _counted(
    owners: QuerySet,
    text_field: str,
    matching: QuerySet,
    selected: Agency | Event | None,
) -> list[FacetOption]:
    """Options for agencies or events, each counting its projects in one query.

    A project belongs to an agency as lead or participant (to an event as origin or
    related): a correlated count per option row counts each project once.
    """
    count = Subquery(
        # COUNT written as a plain function so Django adds no GROUP BY: one row.
        matching.annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )
    shown = Q(n__gt=0) | Q(pk=selected.pk) if selected else Q(n__gt=0)
    rows = (
        owners.annotate(n=count)
        .filter(shown)
        .values_list("slug", f"{text_field}_th", f"{text_field}_en", "n")
    )
    options = [_option(slug, th, en, n) for slug, th, en, n in rows]
    return sorted(options, key=lambda option: option.label.casefold())


def _option(value: str, text_th: str, text_en: str | None, count: int) -> FacetOption:
    english = (get_language() or "th").startswith("en")
    label = (text_en if english and text_en else text_th) or value
    return FacetOption(value, label, count)
