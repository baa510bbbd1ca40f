"""OPDC review of what agencies submit: approve, return with a reason, or reject.

Each transition runs in one transaction recorded by django-reversion, is refused
(PermissionDenied) to an account without the review permission and (ValidationError)
for anything not awaiting review, and emails the agency once the transaction commits.
A save is refused with EditConflict if the record changed since it was read.
"""

from collections.abc import Callable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from govlab.concurrency import save_versioned
from govlab.history import revision
from projects.models import Project, Stage, StageChange
from updates import emails
from updates.models import (
    STAGES_NEEDING_LESSONS,
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    Submission,
)

REVIEW_PERMISSIONS = {
    ProjectUpdate: "updates.review_projectupdate",
    ProjectProposal: "updates.review_projectproposal",
}
REVIEW_FIELDS = ["status", "return_reason", "reviewed_at", "reviewed_by", "updated_at"]


def can_review(*, user: AbstractBaseUser, model: type[Submission]) -> bool:
    return user.has_perm(REVIEW_PERMISSIONS[model])


def update_approve(*, update: ProjectUpdate, reviewer: AbstractBaseUser) -> None:
    """Publish the update on the project's timeline and move the project's stage."""
    _check_reviewable(update, reviewer)
    # Everything is validated before the first save: a revision nested in another
    # (an admin view's) keeps what was saved in it even when the inner one fails.
    project = Project.objects.get(pk=update.project_id)
    change = _stage_change(update, project=project, reviewer=reviewer)
    _mark_decided(update, reviewer=reviewer, status=ReviewStatus.APPROVED)
    with transaction.atomic(), revision(user=reviewer, comment=_("Update approved")):
        _save_decision(update)
        if change is not None:
            save_versioned(
                project,
                read_version=project.version,
                update_fields=["stage", "updated_at"],
            )
            change.save()
        update.project = project
        _notify(emails.send_update_reviewed, update=update)


def update_return(
    *, update: ProjectUpdate, reviewer: AbstractBaseUser, reason: str
) -> None:
    """Send the update back to the agency with a reason it sees; it may resubmit."""
    _send_back(update, reviewer=reviewer, reason=reason, status=ReviewStatus.RETURNED)


def update_reject(
    *, update: ProjectUpdate, reviewer: AbstractBaseUser, reason: str
) -> None:
    """Refuse the update for good, telling the agency why."""
    _send_back(update, reviewer=reviewer, reason=reason, status=ReviewStatus.REJECTED)


def proposal_approve(*, proposal: ProjectProposal, reviewer: AbstractBaseUser) -> None:
    """Create and publish the proposed project, led by the proposing agency."""
    _check_reviewable(proposal, reviewer)
    project = project_from_proposal(proposal=proposal)
    try:
        project.full_clean()
    except ValidationError as error:
        raise ValidationError(
            _("The proposal cannot be published as a project: %(reasons)s")
            % {"reasons": " ".join(error.messages)}
        ) from error
    _mark_decided(proposal, reviewer=reviewer, status=ReviewStatus.APPROVED)
    comment = _("Proposal approved and published as a project")
    with transaction.atomic(), revision(user=reviewer, comment=comment):
        project.save()
        proposal.project = project
        _save_decision(proposal, also=["project"])
        _notify(emails.send_proposal_reviewed, proposal=proposal)


def proposal_return(
    *, proposal: ProjectProposal, reviewer: AbstractBaseUser, reason: str
) -> None:
    _send_back(proposal, reviewer=reviewer, reason=reason, status=ReviewStatus.RETURNED)


def proposal_reject(
    *, proposal: ProjectProposal, reviewer: AbstractBaseUser, reason: str
) -> None:
    _send_back(proposal, reviewer=reviewer, reason=reason, status=ReviewStatus.REJECTED)


def project_from_proposal(*, proposal: ProjectProposal) -> Project:
    """The project that approving the proposal would publish (not saved)."""
    return Project(
        title_th=proposal.title_th,
        title_en=proposal.title_en,
        summary_th=proposal.summary_th,
        summary_en=proposal.summary_en,
        description_th=proposal.description_th,
        description_en=proposal.description_en,
        slug=_free_slug(proposal),
        track=proposal.track,
        issue_area=proposal.issue_area,
        lead_agency=proposal.agency,
        fiscal_year=proposal.fiscal_year,
        start_date=proposal.start_date,
        end_date=proposal.end_date,
        stage=Stage.IDEA,
        is_published=True,
    )


def _free_slug(proposal: ProjectProposal) -> str:
    # Thai titles do not slugify; a neutral fallback beats a transliteration guess.
    base = slugify(proposal.title_en or "")[:100].strip("-") or f"project-{proposal.pk}"
    slug, n = base, 2
    while Project.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _check_reviewable(submission: Submission, reviewer: AbstractBaseUser) -> None:
    if not can_review(user=reviewer, model=type(submission)):
        raise PermissionDenied(_("Your account may not review agency submissions."))
    if submission.status != ReviewStatus.SUBMITTED:
        raise ValidationError(
            _("Only a submission awaiting review can be reviewed; this one is: %(s)s.")
            % {"s": submission.get_status_display()}
        )


def _send_back(
    submission: Submission, *, reviewer: AbstractBaseUser, reason: str, status: str
) -> None:
    _check_reviewable(submission, reviewer)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"return_reason": _("Give the agency the reason: it is shown to them.")}
        )
    _mark_decided(submission, reviewer=reviewer, status=status, reason=reason)
    label = ReviewStatus(status).label
    with transaction.atomic(), revision(user=reviewer, comment=str(label)):
        _save_decision(submission)
        if isinstance(submission, ProjectUpdate):
            _notify(emails.send_update_reviewed, update=submission)
        else:
            _notify(emails.send_proposal_reviewed, proposal=submission)


def _notify(send: Callable[..., int], **kwargs) -> None:
    """Email the agency after the commit: a rolled-back decision is never announced.

    Robust, so a mail server that is down is logged without hiding the decision.
    """

    def notify_agency():
        send(**kwargs)

    transaction.on_commit(notify_agency, robust=True)


def _mark_decided(
    submission: Submission,
    *,
    reviewer: AbstractBaseUser,
    status: str,
    reason: str = "",
) -> None:
    submission.status = status
    submission.return_reason = reason
    submission.reviewed_at = timezone.now()
    submission.reviewed_by = reviewer
    submission.full_clean()


def _save_decision(submission: Submission, *, also: tuple[str, ...] = ()) -> None:
    save_versioned(
        submission,
        read_version=submission.version,
        update_fields=[*REVIEW_FIELDS, *also],
    )


def _stage_change(
    update: ProjectUpdate, *, project: Project, reviewer: AbstractBaseUser
) -> StageChange | None:
    """The validated, unsaved record of the stage move, the project moved with it.

    None when the update proposes no move, or the project is already there.
    """
    if not update.proposed_stage or update.proposed_stage == project.stage:
        return None
    if not update.stage_change_reason_th:
        raise ValidationError(
            _("The update proposes a new stage without a reason: return it.")
        )
    if (
        update.proposed_stage in STAGES_NEEDING_LESSONS
        and not update.lessons_learned_th
    ):
        raise ValidationError(
            _("Moving to %(stage)s needs lessons learned: return the update.")
            % {"stage": Stage(update.proposed_stage).label}
        )
    change = StageChange(
        project=project,
        from_stage=project.stage,
        to_stage=update.proposed_stage,
        reason_th=update.stage_change_reason_th,
        reason_en=update.stage_change_reason_en,
        lessons_learned_th=update.lessons_learned_th,
        lessons_learned_en=update.lessons_learned_en,
        changed_by=reviewer,
        update=update,
    )
    change.full_clean()
    project.stage = update.proposed_stage
    project.full_clean()
    return change
