from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, View

from projects import exports
from projects.models import Project, Stage
from projects.selectors import project_get, project_search

# The path a project normally takes; discontinued can follow any of them.
STAGE_PATH = (Stage.IDEA, Stage.PROTOTYPE, Stage.PILOT, Stage.SCALING_UP, Stage.ADOPTED)


class CountedPaginator(Paginator):
    """Pages of a list whose length is already known, so no COUNT query is run."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


class ProjectListView(ListView):
    template_name = "projects/project_list.html"
    context_object_name = "projects"

    def get_paginate_by(self, queryset):
        return settings.PROJECTS_PER_PAGE

    def get_queryset(self):
        self.search = project_search(filters=self.request.GET)
        return self.search.projects

    def get_paginator(self, queryset, per_page, **kwargs):
        # project_search counted the list along with the facets.
        return CountedPaginator(queryset, per_page, count=self.search.count, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            form=self.search.form, more_than=self.search.more_than, **kwargs
        )
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class ProjectExportView(View):
    """The project list, with the page's filters, as CSV, JSON or Atom."""

    export_format = "csv"

    def get(self, request):
        try:
            export = exports.project_export_list(filters=request.GET)
        except exports.InvalidFilters as invalid:
            return exports.invalid_filters_response(
                invalid.errors, as_json=self.export_format == "json"
            )
        exporter = exports.EXPORTERS[self.export_format]
        response = exporter(export.projects, request=request)
        if export.limit is not None:
            response[exports.LIMIT_HEADER] = str(export.limit)
        return response


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"
    context_object_name = "project"

    def get_object(self, queryset=None):
        try:
            return project_get(slug=self.kwargs["slug"])
        except Project.DoesNotExist:
            raise Http404(_("No published project has this address.")) from None

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            stage_steps=stage_steps(self.object.stage), **kwargs
        )


def stage_steps(stage: str) -> list[dict]:
    """The step indicator: each stage on the path marked done, current or to come.

    The registry does not record where a discontinued project stopped, so its path
    is shown unmarked, followed by the stopped state as the current step.
    """
    if stage not in STAGE_PATH:
        steps = [{"label": step.label, "state": ""} for step in STAGE_PATH]
        return [*steps, {"label": Stage(stage).label, "state": "stopped"}]
    position = STAGE_PATH.index(stage)
    return [
        {
            "label": step.label,
            "state": "done" if i < position else "current" if i == position else "",
        }
        for i, step in enumerate(STAGE_PATH)
    ]
