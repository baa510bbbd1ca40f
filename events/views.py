from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from events.calendar import calendar_response, events_calendar
from events.models import Event
from events.selectors import event_cards, event_get, event_list, event_list_split
from govlab.localized import localized


class EventListView(TemplateView):
    template_name = "events/event_list.html"

    def get_context_data(self, **kwargs):
        filterset = event_list(filters=self.request.GET)
        upcoming, past = event_list_split(
            events=filterset.qs, today=timezone.localdate()
        )
        return super().get_context_data(
            form=filterset.form, upcoming=upcoming, past=past, **kwargs
        )


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
