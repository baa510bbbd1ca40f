from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView

from events.calendar import calendar_response, events_calendar
from events.models import Event
from events.selectors import (
    event_cards,
    event_get,
    event_list,
    event_list_ordered,
    event_list_split,
)
from govlab.localized import localized

# Thousands of events nationally: a page of them, upcoming ones first.
EVENTS_PER_PAGE = 20


class EventListView(ListView):
    template_name = "events/event_list.html"
    paginate_by = EVENTS_PER_PAGE

    def get_queryset(self):
        self.filterset = event_list(filters=self.request.GET)
        return event_list_ordered(events=self.filterset.qs, today=timezone.localdate())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.filterset.form, **kwargs)
        page = context["page_obj"]
        # This page's events under their section headings.
        context["upcoming"] = [event for event in page if not event.is_past]
        context["past"] = [event for event in page if event.is_past]
        context["page_range"] = page.paginator.get_elided_page_range(page.number)
        return context


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        try:
            return event_get(slug=self.kwargs["slug"])
        except Event.DoesNotExist as error:
            raise Http404 from error


class EventCalendarView(View):
    """One event as an .ics file: an all-day entry per run of days."""

    def get(self, request, slug):
        event = event_cards().filter(slug=slug).first()
        if event is None or not event.date_spans.all():
            raise Http404
        calendar = events_calendar(
            [event],
            name=localized(event, "title"),
            absolute_url=request.build_absolute_uri,
        )
        return calendar_response(calendar, filename=f"{event.slug}.ics")


class UpcomingCalendarView(View):
    """Every upcoming published event, for a calendar app to subscribe to."""

    def get(self, request):
        upcoming, _past = event_list_split(
            events=event_cards(), today=timezone.localdate()
        )
        calendar = events_calendar(
            upcoming,
            name=_("Gov Lab upcoming events"),
            absolute_url=request.build_absolute_uri,
        )
        return calendar_response(calendar, filename="govlab-upcoming-events.ics")
