"""Fill the registry with synthetic records.

Loading runs in one transaction and refuses to add to synthetic records already
there (govlab.synthetic.clear removes them), so a seed always gives the same
registry.
"""

import logging
from dataclasses import dataclass

from django.db import transaction

from agencies.models import Agency
from events.models import Event, EventDateSpan
from govlab import page_cache
from govlab.synthetic.database import (
    insert,
    insert_links,
    next_pk,
    sequences_reset,
    statistics_refresh,
    trigram_indexes_deferred,
)
from govlab.synthetic.plan import SLUG_PREFIX, Registry
from govlab.synthetic.progress import ProgressBar
from govlab.synthetic.progress_updates import updates_make
from govlab.synthetic.projects import outlines_make, projects_make, updates_share_out
from govlab.synthetic.records import agencies_make, events_make, issue_areas_make
from projects.models import IssueArea, Project, StageChange
from updates.models import ProjectUpdate, UpdateLink

logger = logging.getLogger(__name__)

# Projects built and written at a time: bounds memory and moves the progress bar.
CHUNK = 5000
WRITTEN = (Agency, IssueArea, Event, EventDateSpan, Project, StageChange)
WRITTEN += (ProjectUpdate, UpdateLink)


class SyntheticDataPresent(Exception):
    """Synthetic records are already in the database."""


@dataclass(frozen=True)
class Request:
    projects: int
    agencies: int
    events: int
    updates: int
    seed: int

    @property
    def work(self) -> int:
        """Units of work for the progress bar: one per main record, and one per
        project for building the search indexes."""
        return self.agencies + self.events + 2 * self.projects + self.updates


def synthetic_data_present() -> bool:
    return any(
        model._base_manager.filter(slug__startswith=SLUG_PREFIX).exists()
        for model in (Agency, IssueArea, Event, Project)
    )


def synthetic_data_load(*, request: Request, progress: ProgressBar) -> dict[str, int]:
    """Write the synthetic registry the request describes; returns rows per model."""
    if (request.projects or request.events) and request.agencies < 1:
        raise ValueError("Projects and events need at least one agency.")
    registry = Registry.seeded(request.seed)
    written: dict[str, int] = {}

    def write(model, objects, step: str | None = None) -> None:
        insert(model, objects)
        label = model._meta.label
        written[label] = written.get(label, 0) + len(objects)
        if step:
            progress.advance(len(objects), step)

    with transaction.atomic():
        if synthetic_data_present():
            raise SyntheticDataPresent
        agencies = agencies_make(
            registry, count=request.agencies, first_pk=next_pk(Agency)
        )
        write(Agency, agencies, "agencies")
        if request.projects:
            write(IssueArea, issue_areas_make(registry, first_pk=next_pk(IssueArea)))
        events, spans, organisers, partners = events_make(
            registry, count=request.events, first_pk=next_pk(Event)
        )
        write(Event, events, "events")
        write(EventDateSpan, spans)
        insert_links(Event.organisers, organisers)
        insert_links(Event.partners, partners)
        with trigram_indexes_deferred(Project, rows=request.projects):
            _projects_write(registry, request, write)
            if request.projects:
                progress.advance(0, "search indexes")
        progress.advance(request.projects, "search indexes")
        sequences_reset(WRITTEN)
        statistics_refresh(WRITTEN)
    cached_pages_retire()
    return written


def cached_pages_retire() -> None:
    """Bulk writes send no post_save, so tell the page cache (govlab.page_cache)
    itself that public data changed."""
    try:
        page_cache.invalidate()
    except Exception:
        # The data is committed: an unreachable cache must not make it look failed.
        logger.exception("Could not empty the page cache after synthetic data")


def _projects_write(registry: Registry, request: Request, write) -> None:
    outlines = outlines_make(registry, count=request.projects)
    counts = updates_share_out(registry, outlines, total=request.updates)
    first_project, first_update = next_pk(Project), next_pk(ProjectUpdate)
    for start in range(0, len(outlines), CHUNK):
        part = outlines[start : start + CHUNK]
        chunk = projects_make(
            registry, part, first_number=start + 1, first_pk=first_project + start
        )
        updates = updates_make(
            registry,
            projects=chunk.projects,
            agencies_of=chunk.agencies_of,
            paths=[outline.path for outline in part],
            counts=counts[start : start + CHUNK],
            first_pk=first_update,
        )
        first_update += len(updates.updates)
        write(Project, chunk.projects, "projects")
        insert_links(Project.participating_agencies, chunk.participating)
        insert_links(Project.consultants, chunk.consultants)
        insert_links(Event.related_projects, chunk.events)
        write(ProjectUpdate, updates.updates, "progress updates")
        write(StageChange, updates.stage_changes)
        write(UpdateLink, updates.links)
