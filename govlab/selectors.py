"""Read queries for the home page."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from agencies.models import Agency
from events.models import Event
from projects.models import Project, Track

LATEST_PROJECTS = 6
# Upcoming and recent events each; events.selectors runs those queries.
HOME_EVENTS = 3


@dataclass(frozen=True)
class HomeCounts:
    projects: int
    service_issue_projects: int
    agency_projects: int
    agencies: int
    events: int


def home_counts() -> HomeCounts:
    """How many published projects (by track), agencies and published events."""
    projects = Project.objects.filter(is_published=True).aggregate(
        total=Count("pk"),
        service_issue=Count("pk", filter=Q(track=Track.SERVICE_ISSUE)),
        agency=Count("pk", filter=Q(track=Track.AGENCY)),
    )
    return HomeCounts(
        projects=projects["total"],
        service_issue_projects=projects["service_issue"],
        agency_projects=projects["agency"],
        agencies=Agency.objects.count(),
        events=Event.objects.filter(is_published=True).count(),
    )


def home_latest_projects(*, limit: int = LATEST_PROJECTS) -> QuerySet[Project]:
    """The published projects updated most recently."""
    return (
        Project.objects.filter(is_published=True)
        .select_related("lead_agency", "issue_area")
        .order_by("-updated_at", "slug")[:limit]
    )
