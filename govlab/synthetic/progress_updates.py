"""Synthetic progress updates and the stage changes they record.

A project's moves up the ladder are StageChange rows, as updates.review makes them:
the latest moves each come from approving an update that proposed it (same reason,
lessons learned, the review's time); moves made before the project's first update
have no update, as an editor's change in the admin has none. Earlier updates are
nearly all approved; the latest one may still be waiting (submitted), a draft,
returned or rejected, and a waiting one may propose the next stage.
"""

import datetime
import itertools
from dataclasses import dataclass, field

from govlab.dates import fiscal_year_of
from govlab.synthetic import vocabulary as words
from govlab.synthetic.plan import AS_OF, Picker, Registry
from projects.models import Stage
from updates.models import (
    STAGES_NEEDING_LESSONS,
    ReviewStatus,
)

LATEST_STATUS = Picker(
    (
        ReviewStatus.APPROVED,
        ReviewStatus.SUBMITTED,
        ReviewStatus.DRAFT,
        ReviewStatus.RETURNED,
        ReviewStatus.REJECTED,
    ),
    (78, 11, 4, 4, 3),
)
MINUTE = datetime.timedelta(minutes=1)
REVIEWED = (ReviewStatus.APPROVED, ReviewStatus.RETURNED, ReviewStatus.REJECTED)
NEXT_STAGE = {
    Stage.IDEA: Stage.PROTOTYPE,
    Stage.PROTOTYPE: Stage.PILOT,
    Stage.PILOT: Stage.SCALING_UP,
    Stage.SCALING_UP: Stage.ADOPTED,
}


@dataclass
class UpdateChunk:
    updates: list[dict] = field(default_factory=list)
    stage_changes: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def updates_make(
    registry: Registry,
    *,
    projects: list[dict],
    agencies_of: list[list[dict]],
    paths: list[tuple[str, ...]],
    counts: list[int],
    first_pk: int,
) -> UpdateChunk:
    """counts[i] updates of projects[i], whose stages were paths[i]; also sets each
    project's updated_at and version as the approvals would have."""
    chunk = UpdateChunk()
    for project, agencies, path, count in zip(
        projects, agencies_of, paths, counts, strict=True
    ):
        _project_updates(registry, chunk, project, agencies, path, count, first_pk)
        first_pk += count
    return chunk


def _project_updates(registry, chunk, project, agencies, path, count, first_pk):
    created = project["created_at"].date()
    first = min(created + datetime.timedelta(days=7), AS_OF)
    span = (AS_OF - first).days
    days = sorted(
        first + datetime.timedelta(days=int(registry.rng.random() * (span + 1)))
        for _ in range(count)
    )
    statuses = [
        LATEST_STATUS(registry.rng)
        if index == count - 1
        else (ReviewStatus.APPROVED if registry.chance(0.96) else ReviewStatus.REJECTED)
        for index in range(count)
    ]
    changes = list(itertools.pairwise(path))
    linked = min(len(changes), statuses.count(ReviewStatus.APPROVED))
    unlinked = changes[: len(changes) - linked]
    # Written in time order, each moment after the one before, so the history
    # reads in order whatever the random hours.
    clock = project["created_at"]
    until = days[0] if days else AS_OF
    for index, (before, after) in enumerate(unlinked):
        gap = (until - created).days * (index + 1) // (len(unlinked) + 1)
        day = created + datetime.timedelta(days=gap)
        clock = max(registry.at_work(day), clock + MINUTE)
        reason, lessons = _why(registry, after)
        chunk.stage_changes.append(
            _change(project, before, after, reason, lessons, moment=clock)
        )
    updates = []
    for index, (day, status) in enumerate(zip(days, statuses, strict=True)):
        update = _update(registry, project, agencies, day, status, clock + MINUTE)
        update["id"] = first_pk + index
        clock = update["updated_at"]
        updates.append(update)
    approved = [update for update in updates if update["status"] == "approved"]
    for update, (before, after) in zip(
        approved[len(approved) - linked :], changes[len(unlinked) :], strict=True
    ):
        reason, lessons = _propose(registry, update, after)
        change = _change(
            project, before, after, reason, lessons, moment=update["reviewed_at"]
        )
        change["update_id"] = update["id"]
        chunk.stage_changes.append(change)
        project["updated_at"] = max(project["updated_at"], update["reviewed_at"])
        project["version"] += 1
    latest = updates[-1] if updates else None
    if (
        latest is not None
        and latest["status"] not in REVIEWED
        and path[-1] in NEXT_STAGE
        and registry.chance(0.3)
    ):
        _propose(registry, latest, NEXT_STAGE[path[-1]])
    chunk.updates += updates
    chunk.links += [
        {
            "update_id": update["id"],
            "url": f"https://www.example.org/synthetic/update-{update['id']}",
            "label": "ภาพกิจกรรม",
        }
        for update in updates
        if registry.chance(0.1)
    ]


def _update(registry: Registry, project, agencies, day, status, not_before) -> dict:
    fiscal_year = fiscal_year_of(day)
    quarter = (day.month - 10) % 12 // 3 + 1
    body_th, body_en = registry.texts.progress(registry.between(1, 3))
    english = registry.chance(0.8)
    created = max(registry.at_work(day), not_before)
    update = {
        "project_id": project["id"],
        "agency_id": registry.texts.pick(agencies)["id"],
        "status": status,
        "title_th": f"รายงานความก้าวหน้า ไตรมาส {quarter} ปีงบประมาณ {fiscal_year}",
        "title_en": f"Progress report, Q{quarter} FY{fiscal_year - 543}"
        if english
        else None,
        "body_th": body_th,
        "body_en": body_en if english else None,
        "reported_on": day,
        "created_at": created,
        "updated_at": created,
        "submitted_at": None,
        "reviewed_at": None,
        "version": 1,
    }
    if status != ReviewStatus.DRAFT:
        submitted = created + datetime.timedelta(hours=registry.between(1, 48))
        update.update(submitted_at=submitted, updated_at=submitted, version=2)
    if status in REVIEWED:
        reviewed = update["submitted_at"] + datetime.timedelta(
            hours=registry.between(20, 240)
        )
        update.update(reviewed_at=reviewed, updated_at=reviewed, version=3)
    if status in (ReviewStatus.RETURNED, ReviewStatus.REJECTED):
        update["return_reason"] = registry.texts.pick(words.RETURN_REASONS)
    return update


def _why(registry: Registry, stage: str):
    """The reason for a move to stage, and the lessons learned if they are asked."""
    options = words.STOP_REASONS if stage == Stage.DISCONTINUED else words.STAGE_REASONS
    reason = registry.texts.pick(options)
    lessons = (
        registry.texts.pick(words.LESSONS)
        if stage in STAGES_NEEDING_LESSONS
        else ("", None)
    )
    return reason, lessons


def _propose(registry: Registry, update: dict, stage: str):
    """Make the update propose a move to stage, with the reason and lessons asked."""
    reason, lessons = _why(registry, stage)
    update["proposed_stage"] = stage
    update["stage_change_reason_th"], update["stage_change_reason_en"] = reason
    update["lessons_learned_th"], update["lessons_learned_en"] = lessons
    return reason, lessons


def _change(project, before, after, reason, lessons, *, moment) -> dict:
    return {
        "project_id": project["id"],
        "from_stage": before,
        "to_stage": after,
        "reason_th": reason[0],
        "reason_en": reason[1],
        "lessons_learned_th": lessons[0],
        "lessons_learned_en": lessons[1],
        "changed_at": moment,
        "update_id": None,
    }
