"""Writes to projects: each atomic, validated, versioned and kept in history."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from govlab.concurrency import save_versioned
from govlab.history import revision
from projects.models import Project, Stage, StageChange
from updates.models import STAGES_NEEDING_LESSONS


@dataclass(frozen=True)
class StageNote:
    """Why a project changes stage and, for a closing stage, what was learned."""

    reason_th: str
    reason_en: str = ""
    lessons_th: str = ""
    lessons_en: str = ""


def stage_change_errors(*, to_stage: str, reason_th: str, lessons_th: str) -> dict:
    """What a stage change lacks, by StageChange field: reason, lessons learned."""
    errors = {}
    if to_stage not in Stage.values:
        errors["to_stage"] = _("Choose one of the stages.")
    if not (reason_th or "").strip():
        errors["reason"] = _("Give the reason for the stage change, in Thai.")
    if to_stage in STAGES_NEEDING_LESSONS and not (lessons_th or "").strip():
        errors["lessons_learned"] = _(
            "Moving to scaling up, adopted or discontinued asks for the lessons "
            "learned, in Thai."
        )
    return errors


def project_change_stage(
    *,
    project: Project,
    to_stage: str,
    reason_th: str,
    reason_en: str = "",
    lessons_th: str = "",
    lessons_en: str = "",
    user,
    update=None,
    read_version: int | None = None,
) -> StageChange:
    """Move a project to another stage and record why, as one kept revision.

    Saves only the stage (and a new version). Without ``read_version`` the
    project is moved from whatever version it is at now; with it, the move is
    refused with EditConflict if someone saved the project since.
    """
    errors = stage_change_errors(
        to_stage=to_stage, reason_th=reason_th, lessons_th=lessons_th
    )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), revision(user=user, comment=_("Stage changed")):
        stored = Project.objects.select_for_update().get(pk=project.pk)
        if stored.stage == to_stage:
            raise ValidationError(
                {"to_stage": _("The project is already at this stage.")}
            )
        project.stage = to_stage
        save_versioned(
            project,
            read_version=stored.version if read_version is None else read_version,
            update_fields=["stage", "updated_at"],
        )
        change = StageChange(
            project=project,
            from_stage=stored.stage,
            to_stage=to_stage,
            reason_th=reason_th.strip(),
            reason_en=(reason_en or "").strip(),
            lessons_learned_th=(lessons_th or "").strip(),
            lessons_learned_en=(lessons_en or "").strip(),
            changed_by=user if getattr(user, "pk", None) else None,
            update=update,
        )
        change.full_clean()
        change.save()
    return change


def project_save(
    *, project: Project, read_version: int, user, stage_note: StageNote | None = None
) -> Project:
    """Save an edited project if it is still at ``read_version``.

    A new stage needs ``stage_note`` and is recorded as a StageChange. Raises
    EditConflict (nothing saved) if someone else saved the project since.
    """
    with transaction.atomic(), revision(user=user):
        stored_stage = (
            Project.objects.select_for_update()
            .values_list("stage", flat=True)
            .get(pk=project.pk)
        )
        to_stage = project.stage
        if to_stage != stored_stage and stage_note is None:
            raise ValidationError({"stage": _("Give the reason for the stage change.")})
        project.full_clean()
        # The other edits are saved at the old stage; the move is then recorded
        # with its reason, so the history shows both.
        project.stage = stored_stage
        save_versioned(project, read_version=read_version)
        if to_stage != stored_stage:
            project_change_stage(
                project=project,
                to_stage=to_stage,
                reason_th=stage_note.reason_th,
                reason_en=stage_note.reason_en,
                lessons_th=stage_note.lessons_th,
                lessons_en=stage_note.lessons_en,
                user=user,
                read_version=project.version,
            )
    return project
