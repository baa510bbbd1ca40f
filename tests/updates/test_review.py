"""The review services: approve, return and reject progress updates and proposals."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from reversion.models import Version

from accounts.models import Role
from govlab.concurrency import EditConflict
from projects.models import Project, Stage, StageChange, Track
from updates import emails, review
from updates.models import ProjectProposal, ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

REASON = "กรุณาแนบภาพถ่ายการทดลองให้บริการ"
SITE = "https://govlab.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://govlab.example"


@pytest.fixture
def reviewer(make_member):
    """An OPDC editor who holds both review permissions."""
    user = make_member("kannika", is_staff=True, first_name="กรรณิกา")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["review_projectupdate", "review_projectproposal"]
        )
    )
    return user


@pytest.fixture
def members(reporter, colleague, lead, outsider, make_member, dlt):
    """Everyone who could get mail: DLT's three, RID's lead, and two who must not."""
    no_email = make_member("no-email", dlt)
    no_email.email = ""
    no_email.save(update_fields=["email"])
    make_member("left", dlt, is_active=False)
    return {"dlt": [reporter, colleague, lead], "rid": [outsider]}


@pytest.fixture
def submitted(make_update, reporter):
    def make(**fields):
        return make_update(author=reporter, status=ReviewStatus.SUBMITTED, **fields)

    return make


def refreshed(record):
    record.refresh_from_db()
    return record


def test_approve_publishes_the_update(submitted, reviewer):
    """Approving marks the update approved, by whom and when."""
    update = submitted()
    review.update_approve(update=update, reviewer=reviewer)
    update = refreshed(update)
    assert update.status == ReviewStatus.APPROVED
    assert update.reviewed_by == reviewer
    assert update.reviewed_at is not None
    assert update.version == 2


def test_approve_moves_the_stage_and_records_the_lessons(submitted, reviewer):
    """An approved move to scaling up changes the stage and keeps why and lessons."""
    update = submitted(
        proposed_stage=Stage.SCALING_UP,
        stage_change_reason_th="ทดลองใช้ครบ 77 จังหวัดแล้ว",
        stage_change_reason_en="Trialled in all 77 provinces",
        lessons_learned_th="ต้องอบรมเจ้าหน้าที่ก่อนเปิดให้บริการ",
    )
    project_version = update.project.version
    review.update_approve(update=update, reviewer=reviewer)
    project = Project.objects.get(pk=update.project_id)
    assert project.stage == Stage.SCALING_UP
    assert project.version == project_version + 1
    change = StageChange.objects.get(project=project)
    assert (change.from_stage, change.to_stage) == (Stage.PROTOTYPE, Stage.SCALING_UP)
    assert change.reason_th == "ทดลองใช้ครบ 77 จังหวัดแล้ว"
    assert change.reason_en == "Trialled in all 77 provinces"
    assert change.lessons_learned_th == "ต้องอบรมเจ้าหน้าที่ก่อนเปิดให้บริการ"
    assert (change.changed_by, change.update) == (reviewer, update)


def test_approve_without_a_proposed_stage_keeps_the_stage(submitted, reviewer):
    """An update that proposes no move leaves the stage and records no change."""
    update = submitted()
    review.update_approve(update=update, reviewer=reviewer)
    assert Project.objects.get(pk=update.project_id).stage == Stage.PROTOTYPE
    assert not StageChange.objects.exists()


def test_approve_refuses_a_closing_move_without_lessons(submitted, reviewer):
    """Adoption without lessons learned is refused and nothing changes."""
    update = submitted(
        proposed_stage=Stage.ADOPTED, stage_change_reason_th="กรมนำไปใช้ทั่วประเทศ"
    )
    with pytest.raises(ValidationError, match="บทเรียนที่ได้รับ"):
        review.update_approve(update=update, reviewer=reviewer)
    assert refreshed(update).status == ReviewStatus.SUBMITTED
    assert Project.objects.get(pk=update.project_id).stage == Stage.PROTOTYPE
    assert not StageChange.objects.exists()


@pytest.mark.parametrize(
    ("decide", "status"),
    [
        (review.update_return, ReviewStatus.RETURNED),
        (review.update_reject, ReviewStatus.REJECTED),
    ],
)
def test_return_and_reject_keep_the_reason(submitted, reviewer, decide, status):
    """Returning or rejecting records the reason the agency will read."""
    update = submitted()
    decide(update=update, reviewer=reviewer, reason=f"  {REASON} ")
    update = refreshed(update)
    assert update.status == status
    assert update.return_reason == REASON


@pytest.mark.parametrize("decide", [review.update_return, review.update_reject])
def test_return_and_reject_need_a_reason(submitted, reviewer, decide):
    """A blank reason is refused: the agency must be told why."""
    update = submitted()
    with pytest.raises(ValidationError):
        decide(update=update, reviewer=reviewer, reason="   ")
    assert refreshed(update).status == ReviewStatus.SUBMITTED


@pytest.mark.parametrize(
    "status",
    [
        ReviewStatus.DRAFT,
        ReviewStatus.RETURNED,
        ReviewStatus.APPROVED,
        ReviewStatus.REJECTED,
    ],
)
@pytest.mark.parametrize("decision", ["approve", "return", "reject"])
def test_only_a_submitted_update_can_be_reviewed(
    make_update, reporter, reviewer, status, decision
):
    """Drafts and already decided updates are refused, whatever the decision."""
    update = make_update(author=reporter, status=status)
    arguments = {"update": update, "reviewer": reviewer}
    if decision != "approve":
        arguments["reason"] = REASON
    with pytest.raises(ValidationError):
        getattr(review, f"update_{decision}")(**arguments)
    assert refreshed(update).status == status


@pytest.mark.parametrize("who", ["lead", "staff"])
def test_a_reviewer_needs_the_review_permission(submitted, lead, make_member, who):
    """An agency lead, or staff without the permission, cannot approve."""
    user = lead if who == "lead" else make_member("staff", is_staff=True)
    update = submitted()
    with pytest.raises(PermissionDenied):
        review.update_approve(update=update, reviewer=user)
    assert refreshed(update).status == ReviewStatus.SUBMITTED


def test_a_second_decision_on_a_stale_copy_is_refused(submitted, reviewer):
    """Two reviewers deciding at once: the second is refused, not applied."""
    update = submitted()
    other_copy = ProjectUpdate.objects.get(pk=update.pk)
    review.update_approve(update=update, reviewer=reviewer)
    with pytest.raises(EditConflict):
        review.update_reject(update=other_copy, reviewer=reviewer, reason=REASON)
    assert refreshed(update).status == ReviewStatus.APPROVED


def test_the_decision_is_kept_in_the_history(submitted, reviewer):
    """A revision records who approved, with a comment."""
    update = submitted()
    review.update_approve(update=update, reviewer=reviewer)
    revision = Version.objects.get_for_object(update).first().revision
    assert revision.user == reviewer
    assert revision.comment


def test_approval_emails_each_member_of_the_agency_in_thai_and_english(
    submitted, reviewer, members, mailoutbox, django_capture_on_commit_callbacks
):
    """DLT's active members with an address get one email each; RID's do not."""
    update = submitted(
        title_en="Digital driving licence trial",
        proposed_stage=Stage.PILOT,
        stage_change_reason_th="เริ่มนำร่องที่สำนักงานขนส่ง 5 แห่ง",
    )
    with django_capture_on_commit_callbacks(execute=True):
        review.update_approve(update=update, reviewer=reviewer)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        user.email for user in members["dlt"]
    )
    assert all(len(message.to) == 1 for message in mailoutbox)
    body = mailoutbox[0].body
    assert "ทดลองให้บริการใบขับขี่ดิจิทัลที่สำนักงานขนส่ง" in body
    assert "21 กุมภาพันธ์ 2568" in body
    assert "Digital driving licence trial" in body
    assert "21 February 2025" in body
    assert "The project has moved to the stage: Pilot." in body
    assert (
        "https://govlab.example/th/workspace/projects/digital-driving-licence/" in body
    )
    assert (
        "https://govlab.example/en/workspace/projects/digital-driving-licence/" in body
    )


def test_a_returned_update_email_gives_the_reason(
    submitted, reviewer, members, mailoutbox, django_capture_on_commit_callbacks
):
    """The agency reads OPDC's reason in the email."""
    with django_capture_on_commit_callbacks(execute=True):
        review.update_return(update=submitted(), reviewer=reviewer, reason=REASON)
    assert len(mailoutbox) == 3
    assert REASON in mailoutbox[0].body


def test_no_email_when_the_decision_is_refused(
    submitted, reviewer, members, mailoutbox, django_capture_on_commit_callbacks
):
    """A refused approval announces nothing."""
    update = submitted(proposed_stage=Stage.PILOT)  # no reason for the move
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            review.update_approve(update=update, reviewer=reviewer)
    assert mailoutbox == []


def test_a_mail_failure_does_not_undo_the_decision(
    submitted, reviewer, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    """The approval stands when the mail server is down; the failure is logged."""

    def mail_server_down(**kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(emails, "send_update_reviewed", mail_server_down)
    update = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        review.update_approve(update=update, reviewer=reviewer)
    assert refreshed(update).status == ReviewStatus.APPROVED
    assert "ConnectionRefusedError" in caplog.text


@pytest.fixture
def proposal(make_proposal, lead):
    return make_proposal(
        author=lead,
        status=ReviewStatus.SUBMITTED,
        title_en="Online vehicle tax renewal",
        summary_th="ต่อภาษีรถได้จากโทรศัพท์มือถือ",
        description_en="Renew the yearly vehicle tax from a phone.",
        start_date=datetime.date(2024, 10, 1),
        end_date=datetime.date(2025, 9, 30),
    )


def test_approving_a_proposal_publishes_a_project(proposal, reviewer, dlt):
    """The project is published at the idea stage, led by the proposing agency."""
    review.proposal_approve(proposal=proposal, reviewer=reviewer)
    proposal = refreshed(proposal)
    project = proposal.project
    assert proposal.status == ReviewStatus.APPROVED
    assert project.is_published
    assert project.slug == "online-vehicle-tax-renewal"
    assert project.title_th == "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์"
    assert project.summary_th == "ต่อภาษีรถได้จากโทรศัพท์มือถือ"
    assert project.description_en == "Renew the yearly vehicle tax from a phone."
    assert (project.track, project.fiscal_year) == (Track.AGENCY, 2568)
    assert (project.lead_agency, project.stage) == (dlt, Stage.IDEA)
    assert project.start_date == datetime.date(2024, 10, 1)


def test_a_proposal_slug_never_collides(make_proposal, lead, reviewer, make_project):
    """A taken slug gets a number; a Thai-only title gets a neutral slug."""
    make_project(slug="online-vehicle-tax-renewal")
    twin = make_proposal(
        author=lead,
        status=ReviewStatus.SUBMITTED,
        title_en="Online vehicle tax renewal",
    )
    thai_only = make_proposal(author=lead, status=ReviewStatus.SUBMITTED)
    review.proposal_approve(proposal=twin, reviewer=reviewer)
    review.proposal_approve(proposal=thai_only, reviewer=reviewer)
    assert refreshed(twin).project.slug == "online-vehicle-tax-renewal-2"
    assert refreshed(thai_only).project.slug == f"project-{thai_only.pk}"


def test_a_proposal_that_breaks_the_track_rules_is_refused(
    make_proposal, lead, reviewer
):
    """A service-issue proposal without an issue area cannot become a project."""
    proposal = make_proposal(
        author=lead, status=ReviewStatus.SUBMITTED, track=Track.SERVICE_ISSUE
    )
    with translation.override("en"), pytest.raises(ValidationError, match="issue area"):
        review.proposal_approve(proposal=proposal, reviewer=reviewer)
    assert refreshed(proposal).status == ReviewStatus.SUBMITTED
    assert not Project.objects.filter(title_th=proposal.title_th).exists()


@pytest.mark.parametrize(
    ("decide", "status"),
    [
        (review.proposal_return, ReviewStatus.RETURNED),
        (review.proposal_reject, ReviewStatus.REJECTED),
    ],
)
def test_returning_or_rejecting_a_proposal(
    proposal,
    reviewer,
    members,
    decide,
    status,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """The proposal keeps the reason, publishes nothing, and the agency is told."""
    with django_capture_on_commit_callbacks(execute=True):
        decide(proposal=proposal, reviewer=reviewer, reason=REASON)
    proposal = refreshed(proposal)
    assert (proposal.status, proposal.project) == (status, None)
    assert proposal.return_reason == REASON
    assert len(mailoutbox) == 3
    assert REASON in mailoutbox[0].body


def test_proposal_approval_emails_link_to_the_new_project(
    proposal, reviewer, members, mailoutbox, django_capture_on_commit_callbacks
):
    """The agency is told where the published project is, in both languages."""
    with django_capture_on_commit_callbacks(execute=True):
        review.proposal_approve(proposal=proposal, reviewer=reviewer)
    body = mailoutbox[0].body
    assert "https://govlab.example/th/projects/online-vehicle-tax-renewal/" in body
    assert "https://govlab.example/en/projects/online-vehicle-tax-renewal/" in body
    assert {m.to[0] for m in mailoutbox} == {u.email for u in members["dlt"]}


def test_a_proposal_needs_the_proposal_permission(proposal, make_member):
    """The update permission alone does not allow reviewing proposals."""
    user = make_member("updates-only", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="review_projectupdate"))
    with pytest.raises(PermissionDenied):
        review.proposal_approve(proposal=proposal, reviewer=user)
    assert not ProjectProposal.objects.filter(project__isnull=False).exists()


def test_a_reporter_cannot_review_their_own_update(submitted, reporter):
    """An agency member is never a reviewer."""
    update = submitted()
    assert reporter.memberships.get().role == Role.REPORTER
    with pytest.raises(PermissionDenied):
        review.update_return(update=update, reviewer=reporter, reason=REASON)
