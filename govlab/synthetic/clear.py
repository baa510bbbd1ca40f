"""Take the synthetic records out again, and nothing else.

Everything synthetic is found by its slug (SLUG_PREFIX), or through a project or
event so found; demo and real records are never deleted. A real record that points
at a synthetic one lets go of it (as on_delete says) or, if it is protected (a real
project led by a synthetic agency), the whole clear fails and nothing is deleted.
"""

from django.db import transaction
from django.db.models import Q

from accounts.models import Membership
from agencies.models import Agency
from events.models import Event, EventDateSpan
from govlab.synthetic.database import delete_where
from govlab.synthetic.load import cached_pages_retire
from govlab.synthetic.plan import SLUG_PREFIX
from projects.models import IssueArea, Project, StageChange
from projects.search_text import project_search_text_refresh
from updates.models import (
    ProjectProposal,
    ProjectUpdate,
    ReminderLog,
    UpdateAttachment,
    UpdateLink,
)


def _synthetic(model):
    return model._base_manager.filter(slug__startswith=SLUG_PREFIX)


def synthetic_data_clear() -> int:
    """Delete every synthetic record and what hangs off it; returns rows deleted."""
    projects, events = _synthetic(Project), _synthetic(Event)
    agencies, issue_areas = _synthetic(Agency), _synthetic(IssueArea)
    updates = ProjectUpdate._base_manager.filter(project__in=projects)
    taking_part = Project.participating_agencies.through._base_manager
    with transaction.atomic():
        # Real projects whose search text names a synthetic agency taking part.
        touched = list(
            taking_part.filter(agency__in=agencies)
            .exclude(project__in=projects)
            .values_list("project_id", flat=True)
        )
        ProjectProposal._base_manager.filter(project__in=projects).update(project=None)
        projects_kept = Project._base_manager.exclude(slug__startswith=SLUG_PREFIX)
        projects_kept.filter(origin_event__in=events).update(origin_event=None)
        # Few or none, and their files are the storage's business: the ORM's delete.
        UpdateAttachment._base_manager.filter(update__in=updates).delete()
        Membership._base_manager.filter(agency__in=agencies).delete()
        ReminderLog._base_manager.filter(agency__in=agencies).delete()
        deleted = sum(
            delete_where(queryset)
            for queryset in (
                UpdateLink._base_manager.filter(update__in=updates),
                StageChange._base_manager.filter(project__in=projects),
                updates,
                _links(Event.related_projects, Q(project__in=projects), events),
                _links(
                    Project.participating_agencies, Q(agency__in=agencies), projects
                ),
                _links(Project.consultants, Q(agency__in=agencies), projects),
                _links(Event.organisers, Q(agency__in=agencies), events),
                _links(Event.partners, Q(agency__in=agencies), events),
                projects,
                EventDateSpan._base_manager.filter(event__in=events),
                events,
                issue_areas,
            )
        )
        # A synthetic ministry protects the synthetic departments under it.
        agencies.update(parent=None)
        deleted += delete_where(agencies)
        project_search_text_refresh(project_ids=touched)
    cached_pages_retire()
    return deleted


def _links(relation, other_side: Q, owners):
    """Rows of a many-to-many table with a synthetic record at either end."""
    field = relation.field
    through = field.remote_field.through
    owner = {f"{field.m2m_field_name()}__in": owners}
    return through._base_manager.filter(Q(**owner) | other_side)
