from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.generic import TemplateView

from events.filters import EventFilter
from events.models import EventKind
from govlab import dates
from projects.filters import ProjectFilter
from projects.models import Stage, Track
from projects.selectors import project_search
from stats.charts import bar_chart_svg
from stats.selectors import (
    Chart,
    event_chart_list,
    event_filter,
    project_chart_list,
)

# The project list's filters, less its sort order, which counts do not have.
PROJECT_PARAMS = tuple(name for name in ProjectFilter.base_filters if name != "sort")
EVENT_PARAMS = tuple(EventFilter.base_filters)
# Choice values named by their label rather than their count-bearing option text.
CHOICES = {"track": Track, "stage": Stage, "kind": EventKind}


@dataclass(frozen=True)
class ChartRow:
    label: str
    count: int
    url: str


@dataclass(frozen=True)
class ChartView:
    """A chart as the page shows it: its SVG and its table rows with their links."""

    chart: Chart
    svg: SafeString
    rows: list[ChartRow]


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    value: str
    remove_url: str


class StatsView(TemplateView):
    template_name = "stats/overview.html"

    def get_context_data(self, **kwargs):
        query, path = self.request.GET, self.request.path
        search = project_search(filters=_subset(query, PROJECT_PARAMS))
        del search.form.fields["sort"]
        events = event_filter(filters=_subset(query, EVENT_PARAMS))
        project_charts = []
        if search.form.is_valid():
            charts = project_chart_list(
                projects=search.projects,
                counts=search.column_counts,
                chosen=search.form.cleaned_data,
            )
            project_charts = _chart_views(charts, "projects:project-list", search.form)
        charts = event_chart_list(events=events.qs)
        event_charts = _chart_views(charts, "events:event-list", events.form)
        return super().get_context_data(
            project_form=search.form,
            event_form=events.form,
            active_filters=_active(search.form, query, path)
            + _active(events.form, query, path),
            project_charts=project_charts,
            # Every project has one fiscal year, every event one kind.
            project_total=project_charts[0].chart.total if project_charts else 0,
            event_charts=event_charts,
            event_total=event_charts[0].chart.total,
            **kwargs,
        )


def _subset(query: QueryDict, names: tuple[str, ...]) -> QueryDict:
    subset = QueryDict(mutable=True)
    for name in names:
        if query.get(name, "").strip():
            subset[name] = query[name]
    return subset


def _chosen(form: forms.Form) -> QueryDict:
    """The valid filter values as query parameters: slugs for records."""
    chosen = QueryDict(mutable=True)
    form.is_valid()
    for name, value in form.cleaned_data.items():
        if name in form.fields and value not in (None, ""):
            chosen[name] = str(getattr(value, "slug", value))
    return chosen


def _url(path: str, query: QueryDict) -> str:
    return f"{path}?{query.urlencode()}" if query else path


def _chart_views(
    charts: list[Chart], list_url_name: str, form: forms.Form
) -> list[ChartView]:
    """Each chart drawn, its rows linking to the list with the filters and its own."""
    list_path, chosen = reverse(list_url_name), _chosen(form)
    views = []
    for chart in charts:
        rows = []
        for bar in chart.bars:
            query = chosen.copy()
            query[chart.param] = bar.value
            url = _url(list_path, query) if bar.value else ""
            rows.append(ChartRow(bar.label, bar.count, url))
        svg = bar_chart_svg(
            chart_id=f"chart-{chart.slug}",
            title=chart.title,
            bars=[(bar.label, bar.count) for bar in chart.bars],
        )
        views.append(ChartView(chart=chart, svg=svg, rows=rows))
    return views


def _active(form: forms.Form, query: QueryDict, path: str) -> list[ActiveFilter]:
    """Each filter in force, named as its form names it, with a link to drop it."""
    active = []
    for name in _chosen(form):
        without = query.copy()
        without.pop(name, None)
        active.append(
            ActiveFilter(
                label=str(form.fields[name].label),
                value=_value_label(name, form.cleaned_data[name]),
                remove_url=_url(path, without),
            )
        )
    return active


def _value_label(name: str, value) -> str:
    if name in CHOICES:
        return str(CHOICES[name](value).label)
    if name == "fiscal_year":
        return dates.format_fiscal_year(value)
    if name == "year":
        return str(dates.display_year(int(value)))
    if name == "q":
        return f"“{value}”"
    # An issue area, agency or event, named in the page's language.
    return str(value)
