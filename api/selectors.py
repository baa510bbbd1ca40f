"""Read queries for the open-data API: public records with everything a row shows.

Each queryset fetches its relations in a fixed number of queries, however many rows
a page holds. Related records that are not published are left out.
"""

from django.db.models import F, Prefetch, QuerySet

from agencies.models import Agency
from events.models import Event
from events.selectors import event_cards
from projects.models import Project
from projects.selectors import project_published


def _published_projects() -> QuerySet[Project]:
    return Project.objects.filter(is_published=True).order_by("slug")


def project_api_list() -> QuerySet[Project]:
    """Published projects, recently updated first, with their agencies and events."""
    return (
        project_published()
        .select_related("origin_event")
        .prefetch_related(
            Prefetch(
                "participating_agencies", queryset=Agency.objects.order_by("slug")
            ),
            Prefetch("consultants", queryset=Agency.objects.order_by("slug")),
            Prefetch(
                "events",
                queryset=Event.objects.filter(is_published=True).order_by("slug"),
                to_attr="public_events",
            ),
        )
    )


def agency_api_list() -> QuerySet[Agency]:
    """Every agency (all are public), by slug, with its parent."""
    return Agency.objects.select_related("parent").order_by("slug")


def event_api_list() -> QuerySet[Event]:
    """Published events, latest first day first, with their agencies and projects.

    An event without dates yet is still to come, so it leads the list.
    """
    return (
        event_cards()
        .prefetch_related(
            Prefetch("organisers", queryset=Agency.objects.order_by("slug")),
            Prefetch("partners", queryset=Agency.objects.order_by("slug")),
            Prefetch(
                "originated_projects",
                queryset=_published_projects(),
                to_attr="public_originated_projects",
            ),
            Prefetch(
                "related_projects",
                queryset=_published_projects(),
                to_attr="public_related_projects",
            ),
        )
        .order_by(F("first_day").desc(nulls_first=True), "slug")
    )
