"""Filters for the public event list.

`year` in the query string is a Common Era year (?year=2019): the same URL then means
the same thing on /th/ and /en/ (the language switcher keeps the query string) and
matches the stored dates. Only the option labels follow the page's calendar: 2562 on
Thai pages, 2019 on English ones. An event belongs to every year from its first day
to its last, so a series running from 2022 into 2023 is listed under both.

Each option names how many events it would give, counting the other filter as chosen
(AND), so every option stays selectable even when it would give none.
"""

import datetime
from collections import Counter

import django_filters
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventKind
from govlab.dates import display_year


class EventFilter(django_filters.FilterSet):
    """Kind and year; the queryset must carry first_day and last_day annotations."""

    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year"), method="filter_year", choices=(), empty_label=_("All years")
    )

    class Meta:
        model = Event
        fields = ["kind", "year"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self._set_facet_choices()

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(
            first_day__lte=datetime.date(year, 12, 31),
            last_day__gte=datetime.date(year, 1, 1),
        )

    def _set_facet_choices(self) -> None:
        """Options with counts, from one query over the events this page can show."""
        rows = [
            (kind, set(range(first.year, last.year + 1)))
            for kind, first, last in self.queryset.values_list(
                "kind", "first_day", "last_day"
            )
            if first is not None
        ]
        all_years = sorted(set().union(*(years for _kind, years in rows)), reverse=True)
        chosen_kind = self.data.get("kind")
        chosen_year = self._chosen_year(all_years)
        year_counts = Counter(
            year
            for kind, years in rows
            if chosen_kind not in EventKind.values or kind == chosen_kind
            for year in years
        )
        kind_counts = Counter(
            kind for kind, years in rows if chosen_year is None or chosen_year in years
        )
        self.filters["kind"].extra["choices"] = [
            (value, f"{label} ({kind_counts[value]})")
            for value, label in EventKind.choices
        ]
        self.filters["year"].extra["choices"] = [
            (str(year), f"{display_year(year)} ({year_counts[year]})")
            for year in all_years
        ]

    def _chosen_year(self, years: list[int]) -> int | None:
        value = self.data.get("year")
        if value and value.isdigit() and int(value) in years:
            return int(value)
        return None
