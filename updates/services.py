"""Agency-side writes: progress updates, proposals and their attachments.

Who may do what in the agency workspace. Rights come from memberships alone: OPDC
editors and superusers review in the admin and have no workspace rights unless they
also hold a membership. "A" is one agency; a project is A's when A leads it or
takes part in it.

=====================================  ===============  ================  ==========
Action                                 Reporter of A    Agency lead of A  Others [1]
=====================================  ===============  ================  ==========
See A's projects, updates, proposals   yes              yes               404
Write a progress update on A's project yes              yes               404
Edit or submit a draft/returned update own only [2]     any of A's        403 / 404
Edit a submitted, approved or rejected no               no                no
  update or proposal
Draft a proposal for A                 yes              yes               refused
Edit a draft/returned proposal of A    own only         any of A's        403 / 404
Submit a proposal of A                 no               yes               403 / 404
Download an attachment of A's update   yes              yes               [3]
=====================================  ===============  ================  ==========

[1] Members of other agencies, OPDC editors and superusers without a membership of
    A: A's records do not exist for them (404); anonymous users are sent to log in.
[2] "Own" means the account is the update's (or proposal's) author.
[3] Anyone may download an attachment of an approved update of a published project;
    staff (OPDC reviewers) may download any; a held attachment (of a form being
    corrected) only by its uploader.

Every service is atomic, validates with full_clean(), records a django-reversion
revision with the acting user, and raises PermissionDenied or ValidationError.
"""

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.selectors import agency_list_for_member, membership_role
from agencies.models import Agency
from govlab.concurrency import save_versioned
from projects.models import Project, Track
from updates.attachments import CheckedUpload, storage_name
from updates.models import (
    STAGES_NEEDING_LESSONS,
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
    UpdateLink,
)
from updates.selectors import reporting_agency_list

EDITABLE_STATUSES = (ReviewStatus.DRAFT, ReviewStatus.RETURNED)


def _in_both_languages(*names: str) -> tuple[str, ...]:
    return tuple(f"{name}_{language}" for name in names for language in ("th", "en"))


# What the agency may set; status, review and version fields are not among them.
UPDATE_FIELDS = (
    *_in_both_languages("title"),
    "reported_on",
    *_in_both_languages("body"),
    "proposed_stage",
    *_in_both_languages("stage_change_reason", "lessons_learned"),
)
PROPOSAL_FIELDS = (
    *_in_both_languages("title", "summary", "description"),
    "track",
    "issue_area",
    "fiscal_year",
    "start_date",
    "end_date",
)


@dataclass(frozen=True)
class LinkInput:
    url: str
    label: str = ""


def can_edit_submission(
    *, user: AbstractBaseUser, submission: ProjectUpdate | ProjectProposal
) -> bool:
    """A lead edits any of the agency's drafts; a reporter only the ones they wrote."""
    if submission.status not in EDITABLE_STATUSES:
        return False
    role = membership_role(user=user, agency=submission.agency)
    if role == Role.AGENCY_LEAD:
        return True
    return role == Role.REPORTER and submission.author_id == user.pk


def can_submit_proposal(*, user: AbstractBaseUser, proposal: ProjectProposal) -> bool:
    """Only an agency lead puts a proposal before OPDC."""
    return (
        proposal.status in EDITABLE_STATUSES
        and membership_role(user=user, agency=proposal.agency) == Role.AGENCY_LEAD
    )


def update_save_draft(
    *,
    user: AbstractBaseUser,
    fields: Mapping[str, Any],
    links: Sequence[LinkInput] = (),
    attach: Iterable[UpdateAttachment] = (),
    remove: Iterable[UpdateAttachment] = (),
    project: Project | None = None,
    agency: Agency | None = None,
    update: ProjectUpdate | None = None,
    read_version: int | None = None,
) -> ProjectUpdate:
    """Create a draft (project and agency given) or save an editable one (update given).

    Links are replaced by the ones given. Held attachments in ``attach`` join the
    update; ``remove`` drops held ones or the update's own. An edit whose
    ``read_version`` is no longer current raises govlab.concurrency.EditConflict.
    """
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        if update is None:
            update = _update_new(user=user, project=project, agency=agency)
            reversion.set_comment(_("Progress update drafted in the workspace."))
        else:
            update = _update_locked(user=user, pk=update.pk)
            reversion.set_comment(_("Progress update edited in the workspace."))
        for name in UPDATE_FIELDS:
            if name in fields:
                setattr(update, name, fields[name])
        _update_validate(update)
        if update.pk is None:
            update.save()
        else:
            save_versioned(update, read_version=read_version)
        _links_replace(update=update, links=links)
        _attachments_apply(user=user, update=update, attach=attach, remove=remove)
    return update


def update_submit(
    *, user: AbstractBaseUser, update: ProjectUpdate, read_version: int
) -> ProjectUpdate:
    """Send a draft or returned update to OPDC's review queue."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Progress update submitted for review."))
        update = _update_locked(user=user, pk=update.pk)
        _update_validate(update)
        update.status = ReviewStatus.SUBMITTED
        update.submitted_at = timezone.now()
        save_versioned(
            update, read_version=read_version, update_fields=["status", "submitted_at"]
        )
    return update


def _update_new(
    *, user: AbstractBaseUser, project: Project | None, agency: Agency | None
) -> ProjectUpdate:
    if project is None or agency is None:
        raise ValueError("A new update needs its project and reporting agency.")
    if (
        not reporting_agency_list(user=user, project=project)
        .filter(pk=agency.pk)
        .exists()
    ):
        raise PermissionDenied(_("You cannot report on this project for this agency."))
    return ProjectUpdate(project=project, agency=agency, author=user)


def _update_locked(*, user: AbstractBaseUser, pk: int) -> ProjectUpdate:
    update = (
        ProjectUpdate.objects.select_for_update(of=("self",))
        .select_related("project", "agency")
        .get(pk=pk)
    )
    if not can_edit_submission(user=user, submission=update):
        raise PermissionDenied(_("You cannot change this progress update."))
    return update


def _update_validate(update: ProjectUpdate) -> None:
    """The model's rules plus the ones for a proposed change of stage."""
    errors: dict[str, str] = {}
    if update.reported_on and update.reported_on > timezone.localdate():
        # Also catches a Buddhist Era year typed on an English page (2568 CE).
        errors["reported_on"] = _("The reporting date cannot be in the future.")
    stage = update.proposed_stage
    if stage and stage == update.project.stage:
        errors["proposed_stage"] = _("The project is already at this stage.")
    if stage and not (update.stage_change_reason_th or "").strip():
        errors["stage_change_reason_th"] = _(
            "Say in Thai why the project should move to a new stage."
        )
    if (
        stage in STAGES_NEEDING_LESSONS
        and not (update.lessons_learned_th or "").strip()
    ):
        errors["lessons_learned_th"] = _(
            "Give the lessons learned, in Thai: they are asked when a project scales "
            "up, is adopted or is discontinued."
        )
    try:
        update.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages[0])
    if errors:
        raise ValidationError(errors)


def _links_replace(*, update: ProjectUpdate, links: Sequence[LinkInput]) -> None:
    """The form lists every link: replacing them leaves no link id to tamper with."""
    rows = [UpdateLink(update=update, url=link.url, label=link.label) for link in links]
    for row in rows:
        row.full_clean()
    update.links.all().delete()
    UpdateLink.objects.bulk_create(rows)


def _attachments_apply(
    *,
    user: AbstractBaseUser,
    update: ProjectUpdate,
    attach: Iterable[UpdateAttachment],
    remove: Iterable[UpdateAttachment],
) -> None:
    remove_ids = {attachment.pk for attachment in remove}
    attach_ids = {attachment.pk for attachment in attach} - remove_ids
    held = UpdateAttachment.objects.select_for_update().filter(
        update__isnull=True, uploaded_by=user
    )
    if held.filter(pk__in=attach_ids).count() != len(attach_ids):
        raise PermissionDenied(_("Some of these attachments are not yours to attach."))
    removable = UpdateAttachment.objects.filter(
        Q(update__isnull=True, uploaded_by=user) | Q(update=update), pk__in=remove_ids
    )
    doomed = list(removable)
    if len(doomed) != len(remove_ids):
        raise PermissionDenied(_("Some of these attachments are not yours to remove."))
    held.filter(pk__in=attach_ids).update(update=update)
    _attachments_delete(doomed)


def _attachments_delete(attachments: Sequence[UpdateAttachment]) -> None:
    names = [attachment.file.name for attachment in attachments]
    UpdateAttachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
    if names:
        storage = UpdateAttachment._meta.get_field("file").storage
        # Files go only once the rows are gone for good, not on a rolled-back save.
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def attachment_hold(
    *, user: AbstractBaseUser, checked: CheckedUpload
) -> UpdateAttachment:
    """Store a checked upload for its uploader until a form that uses it is saved."""
    if not agency_list_for_member(user=user).exists():
        raise PermissionDenied(_("Only agency staff can upload attachments."))
    attachment = UpdateAttachment(
        uploaded_by=user,
        original_name=checked.original_name,
        kind=checked.kind,
        content_type=checked.content_type,
        size=len(checked.content),
    )
    with transaction.atomic():
        attachment.file.save(
            storage_name(checked), ContentFile(checked.content), save=False
        )
        try:
            attachment.full_clean(exclude=["update"])
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


def attachment_purge_held(*, older_than: datetime.timedelta) -> int:
    """Delete attachments held for a form nobody came back to; return how many."""
    cutoff = timezone.now() - older_than
    with transaction.atomic():
        stale = list(
            UpdateAttachment.objects.select_for_update().filter(
                update__isnull=True, created_at__lt=cutoff
            )
        )
        _attachments_delete(stale)
    return len(stale)


def proposal_save_draft(
    *,
    user: AbstractBaseUser,
    fields: Mapping[str, Any],
    agency: Agency | None = None,
    proposal: ProjectProposal | None = None,
    read_version: int | None = None,
) -> ProjectProposal:
    """Create a proposal draft for one of the account's agencies, or save an edit."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        if proposal is None:
            proposal = _proposal_new(user=user, agency=agency)
            reversion.set_comment(_("Project proposal drafted in the workspace."))
        else:
            proposal = _proposal_locked(user=user, pk=proposal.pk)
            reversion.set_comment(_("Project proposal edited in the workspace."))
        for name, value in fields.items():
            if name in PROPOSAL_FIELDS:
                setattr(proposal, name, value)
        _proposal_validate(proposal)
        if proposal.pk is None:
            proposal.save()
        else:
            save_versioned(proposal, read_version=read_version)
    return proposal


def proposal_submit(
    *, user: AbstractBaseUser, proposal: ProjectProposal, read_version: int
) -> ProjectProposal:
    """Put a proposal before OPDC: an agency lead's decision."""
    with transaction.atomic(), reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(_("Project proposal submitted for review."))
        proposal = _proposal_locked(user=user, pk=proposal.pk)
        if not can_submit_proposal(user=user, proposal=proposal):
            raise PermissionDenied(_("Only an agency lead can submit a proposal."))
        _proposal_validate(proposal)
        proposal.status = ReviewStatus.SUBMITTED
        proposal.submitted_at = timezone.now()
        save_versioned(
            proposal,
            read_version=read_version,
            update_fields=["status", "submitted_at"],
        )
    return proposal


def _proposal_new(*, user: AbstractBaseUser, agency: Agency | None) -> ProjectProposal:
    if agency is None or membership_role(user=user, agency=agency) is None:
        raise PermissionDenied(_("You can only propose projects for your agencies."))
    return ProjectProposal(agency=agency, author=user)


def _proposal_locked(*, user: AbstractBaseUser, pk: int) -> ProjectProposal:
    proposal = (
        ProjectProposal.objects.select_for_update(of=("self",))
        .select_related("agency")
        .get(pk=pk)
    )
    if not can_edit_submission(user=user, submission=proposal):
        raise PermissionDenied(_("You cannot change this proposal."))
    return proposal


def _proposal_validate(proposal: ProjectProposal) -> None:
    """The model's rules plus the track rules that projects follow."""
    errors: dict[str, str] = {}
    if proposal.track == Track.SERVICE_ISSUE and proposal.issue_area_id is None:
        errors["issue_area"] = _("Choose the issue area of a service-issue project.")
    if proposal.track == Track.AGENCY and proposal.issue_area_id is not None:
        errors["issue_area"] = _(
            "An agency track project has no issue area: leave it empty."
        )
    start, end = proposal.start_date, proposal.end_date
    if start and end and end < start:
        errors["end_date"] = _("The end date cannot be before the start date.")
    try:
        proposal.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, messages[0])
    if errors:
        raise ValidationError(errors)
