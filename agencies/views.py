from django.http import Http404
from django.views.generic import DetailView, TemplateView

from agencies.models import Agency
from agencies.selectors import (
    agency_children,
    agency_get,
    agency_list_by_kind,
    agency_projects,
)
from events.selectors import event_list_for_agency


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
        return super().get_context_data(
            projects=agency_projects(agency=agency),
            events=event_list_for_agency(agency=agency),
            children=agency_children(agency=agency),
            **kwargs,
        )
