from django.core.paginator import Paginator
from django.http import Http404
from django.views.generic import DetailView, TemplateView

from agencies.models import Agency
from agencies.selectors import (
    AgencyProjects,
    agency_children,
    agency_get,
    agency_list_by_kind,
    agency_project_list,
)
from events.selectors import event_list_for_agency

# A big agency takes part in hundreds of projects: a page of them, and a link to
# the project list filtered by the agency.
AGENCY_PROJECTS_PER_PAGE = 20


class AgencyListView(TemplateView):
    template_name = "agencies/agency_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=agency_list_by_kind(), **kwargs)


class AgencyDetailView(DetailView):
    template_name = "agencies/agency_detail.html"
    context_object_name = "agency"

    def get_object(self, queryset=None):
        try:
            return agency_get(slug=self.kwargs["slug"])
        except Agency.DoesNotExist as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        agency = self.object
        paginator = Paginator(
            agency_project_list(agency=agency), AGENCY_PROJECTS_PER_PAGE
        )
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            projects=AgencyProjects.of(page),
            page_obj=page,
            page_range=paginator.get_elided_page_range(page.number),
            events=event_list_for_agency(agency=agency),
            children=agency_children(agency=agency),
            **kwargs,
        )
