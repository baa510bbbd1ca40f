from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from events.selectors import event_list_recent, event_list_upcoming
from govlab.selectors import HOME_EVENTS, home_counts, home_latest_projects


@never_cache
def healthz(request):
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        return super().get_context_data(
            counts=home_counts(),
            latest_projects=home_latest_projects(),
            upcoming_events=event_list_upcoming(today=today, limit=HOME_EVENTS),
            recent_events=event_list_recent(today=today, limit=HOME_EVENTS),
            **kwargs,
        )
