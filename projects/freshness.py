"""When each project was last reported on, and which published projects are stale.

A project's freshness counts from the reporting date of its latest approved progress
update; a project never reported on counts from the day it was created (local time).
It is stale once that date is more than settings.STALE_AFTER_DAYS days before today.
Drafts and updates submitted, returned or rejected do not count: the public has not
seen them. Everything here is a queryset annotation, so a list costs the same number
of queries whatever its length.
"""

import datetime

from django.conf import settings
from django.db.models import DateField, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate

from agencies.models import Agency
from projects.models import Project
from updates.models import ProjectUpdate, ReviewStatus


def _approved_updates():
    return ProjectUpdate.objects.filter(status=ReviewStatus.APPROVED)


def _last_reported_subquery() -> Subquery:
    # A correlated subquery rather than Max() over a join: it adds no GROUP BY, so it
    # composes with other annotations, joins and distinct() without changing them.
    latest = (
        _approved_updates()
        .filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(latest=Max("reported_on"))
        .values("latest")
    )
    return Subquery(latest, output_field=DateField())


def _fresh_since():
    """The date a project's freshness counts from."""
    return Coalesce(
        _last_reported_subquery(),
        TruncDate("created_at"),
        output_field=DateField(),
    )


def stale_cutoff(*, today: datetime.date) -> datetime.date:
    """Projects last reported (or created) before this date are stale."""
    return today - datetime.timedelta(days=settings.STALE_AFTER_DAYS)


def with_last_reported(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate last_reported_on: the latest approved update's reporting date."""
    return queryset.annotate(last_reported_on=_last_reported_subquery())


def filter_stale(
    queryset: QuerySet[Project], *, today: datetime.date
) -> QuerySet[Project]:
    """The published projects of the queryset that are stale on the given day."""
    return (
        queryset.filter(is_published=True)
        .alias(fresh_since=_fresh_since())
        .filter(fresh_since__lt=stale_cutoff(today=today))
    )


def filter_fresh(
    queryset: QuerySet[Project], *, today: datetime.date
) -> QuerySet[Project]:
    """The published projects of the queryset reported on recently enough."""
    return (
        queryset.filter(is_published=True)
        .alias(fresh_since=_fresh_since())
        .filter(fresh_since__gte=stale_cutoff(today=today))
    )


def stale_projects(
    *, today: datetime.date, agency: Agency | None = None
) -> QuerySet[Project]:
    """Stale published projects, of one agency (lead or participant) if given.

    Each project carries last_reported_on (None if never reported on).
    """
    projects = Project.objects.all()
    if agency is not None:
        projects = projects.filter(
            Q(lead_agency=agency) | Q(participating_agencies=agency)
        ).distinct()
    return with_last_reported(filter_stale(projects, today=today))


def project_last_reported_on(*, project: Project) -> datetime.date | None:
    """The reporting date of the project's latest approved update, if any.

    Free when the project came from with_last_reported(); one query otherwise.
    """
    if hasattr(project, "last_reported_on"):
        return project.last_reported_on
    return (
        _approved_updates()
        .filter(project=project)
        .aggregate(latest=Max("reported_on"))["latest"]
    )
