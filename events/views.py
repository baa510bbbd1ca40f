from django.http import Http404
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from events.models import Event
from events.selectors import event_get, event_list, event_list_split


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
