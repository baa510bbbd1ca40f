"""The filters of the public project list; the facet counts reuse them one by one."""

from collections.abc import Mapping
from functools import reduce
from operator import and_
from typing import Any

import django_filters
from django import forms
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from events.models import Event
from govlab.search import (
    MAX_QUERY_LENGTH,
    SearchQuery,
    clean,
    fold,
    in_every_language,
    parse_query,
    search_rank,
    term_match,
)
from projects.facets import AGENCY_OPTIONS, EVENT_OPTIONS, FacetOption
from projects.models import (
    FISCAL_YEAR_MAX,
    FISCAL_YEAR_MIN,
    IssueArea,
    Project,
    Stage,
    Track,
)

# A match in the title counts for more than one in the summary, and that for more
# than one in the description.
SEARCH_WEIGHTS = (
    (in_every_language("title"), 4),
    (in_every_language("summary"), 2),
    (in_every_language("description"), 1),
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

RELEVANCE = ("relevance", _("Best match"))
SORT_CHOICES = [
    RELEVANCE,
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


def project_text_match(query: SearchQuery) -> Q:
    """Projects with every term of the query in their text, or in the name or
    abbreviation of their issue area, lead agency or a participating agency, in
    Thai or English."""

    # One LIKE on one column per term, which one trigram index serves on
    # PostgreSQL. The column is folded (lower case) as the terms are: contains,
    # not icontains, so the bare column, not UPPER() of it, is compared.
    def contains(text: str) -> Q:
        return Q(search_text__contains=fold(text))

    return reduce(and_, (term_match(term, contains) for term in query.terms), Q())


def project_by_relevance(queryset: QuerySet, query: SearchQuery) -> QuerySet:
    """Best matches first (title over summary over description), then newest."""
    return queryset.annotate(search_rank=search_rank(query, SEARCH_WEIGHTS)).order_by(
        "-search_rank", *sort_orderings("newest")
    )


class FiscalYearFilter(django_filters.Filter):
    """A Buddhist Era year; a CE year typed by mistake is an error, not zero results."""

    field_class = forms.IntegerField


_BUDDHIST_ERA_ERROR = _("Give the fiscal year as a Buddhist Era year, such as 2563.")


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        # Longer queries are cut to this length before validation, never refused.
        max_length=MAX_QUERY_LENGTH,
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

    def __init__(self, data=None, *args, text_matches=None, **kwargs):
        # Ids of the projects the query matches, when already found (see
        # projects.selectors.project_search): the text filter then reads no text.
        self.text_matches = text_matches
        data = _search_defaults(data)
        super().__init__(data, *args, **kwargs)
        # "Best match" is offered, and chosen unless another sort is, with a query.
        if not (data and parse_query(data.get("q"))):
            self.form.fields["sort"].choices = SORT_CHOICES[1:]

    def filter_text(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Every term must appear somewhere, in Thai or English; a query with
        nothing to search for (only punctuation, say) matches nothing."""
        query = parse_query(value)
        if not query:
            return queryset.none()
        if self.text_matches is not None:
            return queryset.filter(pk__in=self.text_matches)
        return queryset.filter(project_text_match(query))

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
        if value == RELEVANCE[0]:
            query = parse_query(self.form.cleaned_data.get("q"))
            return project_by_relevance(queryset, query)
        return queryset.order_by(*sort_orderings(value))

    def show_facets(
        self, facets: dict[str, list[FacetOption]], *, cut: frozenset[str] = frozenset()
    ) -> None:
        """Offer each facet's options in its select, labelled with their counts
        (when counted); a facet in ``cut`` says that it offers only some."""
        for name in cut:
            # The bound field, made when the form was validated, keeps its own copy.
            self.form.fields[name].help_text = _cut_note(name)
            self.form[name].help_text = self.form.fields[name].help_text
        for name, options in facets.items():
            self.form.fields[name].widget.choices = [
                ("", FACET_EMPTY_LABELS[name]),
                *(
                    (o.value, o.label if o.count is None else f"{o.label} ({o.count})")
                    for o in options
                ),
            ]


def _cut_note(name: str) -> str:
    if name == "agency":
        return _(
            "Showing the %(count)s agencies with the most projects. To list the "
            "projects of another agency, open its page from the agency list."
        ) % {"count": AGENCY_OPTIONS}
    return _(
        "Showing the %(count)s events with the most projects. To list the projects "
        "of another event, open its page from the event list."
    ) % {"count": EVENT_OPTIONS}


def _search_defaults(data: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """The filter data with the query cleaned (control characters and NUL removed,
    cut to length) and sorted by relevance when searching, unless a sort is chosen.
    """
    if not data or ("q" not in data and "sort" not in data):
        return data
    data = data.copy()
    if "q" in data:
        data["q"] = clean(data["q"])
    searching = bool(parse_query(data.get("q")))
    if searching and not data.get("sort"):
        data["sort"] = RELEVANCE[0]
    elif not searching and data.get("sort") == RELEVANCE[0]:
        # Best match without a query: the default order, not a form error.
        del data["sort"]
    return data
