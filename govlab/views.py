import json

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from events.selectors import event_list_recent, event_list_upcoming
from govlab import dcat
from govlab.search import parse_query
from govlab.selectors import HOME_EVENTS, home_counts, home_latest_projects
from govlab.site_search import site_search


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


class SearchView(TemplateView):
    """Projects, agencies and events matching ?q=, in three sections."""

    template_name = "search.html"

    def get_context_data(self, **kwargs):
        query = parse_query(self.request.GET.get("q"))
        return super().get_context_data(
            search_query=query, results=site_search(query=query), **kwargs
        )


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


def _linked_data(data: dict, content_type: str) -> HttpResponse:
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return HttpResponse(body, content_type=f"{content_type}; charset=utf-8")


def dcat_catalog(request):
    """The registry's DCAT description as JSON-LD, for catalogues such as CKAN."""
    origin = request.build_absolute_uri("/").rstrip("/")
    return _linked_data(dcat.catalog_jsonld(origin=origin), "application/ld+json")


def dcat_data_json(request):
    """The same description in the DCAT-US data.json shape that CKAN also reads."""
    origin = request.build_absolute_uri("/").rstrip("/")
    return _linked_data(dcat.catalog_data_json(origin=origin), "application/json")
