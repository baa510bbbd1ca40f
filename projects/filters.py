"""The filters of the public project list; the facet counts reuse them one by one."""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from events.models import Event
from projects.models import (
    FISCAL_YEAR_MAX,
    FISCAL_YEAR_MIN,
    IssueArea,
    Project,
    Stage,
    Track,
)

# Translated text lives in one column per language; modeltranslation would search
# the active language's column only, so a search names both.
SEARCH_FIELDS = (
    "title_th",
    "title_en",
    "summary_th",
    "summary_en",
    "description_th",
    "description_en",
    "lead_agency__name_th",
    "lead_agency__name_en",
    "lead_agency__short_name_th",
    "lead_agency__short_name_en",
    "issue_area__name_th",
    "issue_area__name_en",
)

# Furthest along first; a discontinued project goes last.
STAGE_PROGRESS = (
    Stage.ADOPTED,
    Stage.SCALING_UP,
    Stage.PILOT,
    Stage.PROTOTYPE,
    Stage.IDEA,
    Stage.DISCONTINUED,
)

SORT_CHOICES = [
    ("newest", _("Recently updated")),
    ("title", _("Title (A–Z)")),
    ("fiscal-year-desc", _("Fiscal year, latest first")),
    ("fiscal-year-asc", _("Fiscal year, earliest first")),
    ("stage", _("Stage, furthest along first")),
]

# The filters whose options show facet counts, with the label of "no filter".
FACET_EMPTY_LABELS = {
    "track": _("All tracks"),
    "issue": _("All issue areas"),
    "agency": _("All agencies"),
    "fiscal_year": _("All fiscal years"),
    "stage": _("All stages"),
    "event": _("All events"),
}


def translated_text(field: str) -> Coalesce:
    """A translated column in the active language, or the Thai one where it is empty."""
    language = (get_language() or "th")[:2]
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), F(f"{field}_th"))


def sort_orderings(sort: str) -> list:
    """ORDER BY terms for a sort choice; unknown or empty means recently updated."""
    if sort == "title":
        return [translated_text("title").asc(), "slug"]
    if sort == "fiscal-year-desc":
        return ["-fiscal_year", "slug"]
    if sort == "fiscal-year-asc":
        return ["fiscal_year", "slug"]
    if sort == "stage":
        progress = Case(
            *(
                When(stage=stage, then=Value(i))
                for i, stage in enumerate(STAGE_PROGRESS)
            ),
            output_field=IntegerField(),
        )
        return [progress.asc(), translated_text("title").asc(), "slug"]
    return ["-updated_at", "-pk"]


@dataclass(frozen=True)
class FacetOption:
    """One option of a filter and how many projects choosing it would give."""

    value: str
    label: str
    count: int


class FiscalYearFilter(django_filters.Filter):
    """A Buddhist Era year; a CE year typed by mistake is an error, not zero results."""

    field_class = forms.IntegerField


_BUDDHIST_ERA_ERROR = _("Give the fiscal year as a Buddhist Era year, such as 2563.")


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=200,
        help_text=_("Words from the title, summary, description or agency name."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    track = django_filters.ChoiceFilter(label=_("Track"), choices=Track.choices)
    issue = django_filters.ModelChoiceFilter(
        label=_("Issue area"),
        field_name="issue_area",
        to_field_name="slug",
        queryset=IssueArea.objects.all(),
    )
    agency = django_filters.ModelChoiceFilter(
        label=_("Agency"),
        to_field_name="slug",
        queryset=Agency.objects.all(),
        method="filter_agency",
    )
    fiscal_year = FiscalYearFilter(
        label=_("Fiscal year"),
        min_value=FISCAL_YEAR_MIN,
        max_value=FISCAL_YEAR_MAX,
        error_messages={
            "invalid": _BUDDHIST_ERA_ERROR,
            "min_value": _BUDDHIST_ERA_ERROR,
            "max_value": _BUDDHIST_ERA_ERROR,
        },
        widget=forms.Select,
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices)
    event = django_filters.ModelChoiceFilter(
        label=_("Event"),
        to_field_name="slug",
        queryset=Event.objects.filter(is_published=True),
        method="filter_event",
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SORT_CHOICES,
        method="sort_projects",
        empty_label=None,
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every word must appear somewhere, in Thai or English."""
        for term in value.split():
            match = Q()
            for field in SEARCH_FIELDS:
                match |= Q(**{f"{field}__icontains": term})
            queryset = queryset.filter(match)
        return queryset

    def filter_agency(self, queryset: QuerySet, name: str, agency: Agency) -> QuerySet:
        """Projects the agency leads or takes part in."""
        through = Project.participating_agencies.through
        taking_part = through.objects.filter(agency=agency).values("project_id")
        return queryset.filter(Q(lead_agency=agency) | Q(pk__in=taking_part))

    def filter_event(self, queryset: QuerySet, name: str, event: Event) -> QuerySet:
        """Projects that came out of the event or that the event lists as related."""
        through = Event.related_projects.through
        related = through.objects.filter(event=event).values("project_id")
        return queryset.filter(Q(origin_event=event) | Q(pk__in=related))

    def sort_projects(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.order_by(*sort_orderings(value))

    def show_facets(self, facets: dict[str, list[FacetOption]]) -> None:
        """Offer each facet's options in its select, labelled with their counts."""
        for name, options in facets.items():
            self.form.fields[name].widget.choices = [
                ("", FACET_EMPTY_LABELS[name]),
                *((o.value, f"{o.label} ({o.count})") for o in options),
            ]
