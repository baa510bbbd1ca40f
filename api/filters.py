"""Query parameters of the API's lists: those of the public pages.

Projects use the project list page's ProjectFilter unchanged. The event page's
EventFilter offers only the years that have events and computes facet counts; an API
client asking for any other year should get an empty list, not an error, so the
API declares its own `year` and reuses the page's meaning of it.
"""

import django_filters
from django import forms
from django_filters import utils
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from agencies.models import Agency, AgencyKind
from events.filters import EventFilter
from events.models import Event, EventKind
from projects.filters import ProjectFilter
from projects.selectors import project_text_bound


class ProjectApiFilter(ProjectFilter):
    """The project page's filters, unchanged.

    The OpenAPI generator cannot guess the type of a filter method whose value is
    not called `value`; these annotations tell it (descriptions: api/schema.py).
    """

    @extend_schema_field(OpenApiTypes.STR)
    def filter_agency(self, queryset, name, agency):
        return super().filter_agency(queryset, name, agency)

    @extend_schema_field(OpenApiTypes.STR)
    def filter_event(self, queryset, name, event):
        return super().filter_event(queryset, name, event)


class ProjectFilterBackend(DjangoFilterBackend):
    """The filters, with a text query bounded as on the project list page.

    A query matching more projects than the page ranks gives only the bounded
    candidates, ranked; ``view.results_limit`` is then set to the bound.
    """

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if not filterset.is_valid():
            raise utils.translate_validation(filterset.errors)
        view.results_limit = project_text_bound(filterset)
        return filterset.qs


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class AgencyApiFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        choices=AgencyKind.choices, help_text="Only agencies of this kind."
    )

    class Meta:
        model = Agency
        fields = ["kind"]


class EventApiFilter(django_filters.FilterSet):
    """Kind and year; the queryset must carry first_day and last_day annotations."""

    kind = django_filters.ChoiceFilter(
        choices=EventKind.choices, help_text="Only events of this kind."
    )
    year = extend_schema_field(
        {
            "type": "integer",
            "minimum": 1,
            "maximum": 9999,
            "description": (
                "Common Era year, such as 2019: events held on at least one day of "
                "it. An event running from one year into the next belongs to both."
            ),
        }
    )(YearFilter(method="filter_year", min_value=1, max_value=9999))

    class Meta:
        model = Event
        fields = ["kind", "year"]

    # The same years as on the event list page.
    filter_year = EventFilter.filter_year
