"""Agency-side services: drafts, submission, rights, locking, history, held files."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from reversion.models import Version

from govlab.concurrency import EditConflict
from projects.models import Stage
from tests.updates.files import png_bytes, upload
from updates.attachments import check_upload
from updates.models import ProjectUpdate, ReviewStatus, UpdateAttachment
from updates.services import (
    LinkInput,
    attachment_hold,
    attachment_purge_held,
    can_edit_submission,
    proposal_save_draft,
    proposal_submit,
    update_save_draft,
    update_submit,
)

pytestmark = pytest.mark.django_db

FIELDS = {
    "title_th": "ทดลองใช้ใบขับขี่ดิจิทัลที่ด่านตรวจ",
    "body_th": "ตำรวจทางหลวงตรวจใบขับขี่ดิจิทัลได้แล้ว",
    "reported_on": datetime.date(2025, 2, 21),
}


def held_png(user):
    return attachment_hold(
        user=user, checked=check_upload(upload("a.png", png_bytes()))
    )


def test_draft_is_created_with_links_and_attachments(reporter, dlt, dlt_project):
    """A new draft belongs to its author and agency, with its links and files."""
    attachment = held_png(reporter)
    update = update_save_draft(
        user=reporter,
        project=dlt_project,
        agency=dlt,
        fields=FIELDS,
        links=[LinkInput("https://www.dlt.go.th", "กรมการขนส่งทางบก")],
        attach=[attachment],
    )
    assert (update.status, update.author, update.agency) == ("draft", reporter, dlt)
    assert update.links.get().label == "กรมการขนส่งทางบก"
    assert list(update.attachments.all()) == [attachment]


def test_every_write_is_kept_with_its_author(reporter, dlt, dlt_project):
    """Drafting and submitting each leave a reversion version naming the user."""
    update = update_save_draft(
        user=reporter, project=dlt_project, agency=dlt, fields=FIELDS
    )
    update_submit(user=reporter, update=update, read_version=update.version)
    versions = Version.objects.get_for_object(update)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {reporter}
    assert versions[0].revision.comment == "ส่งรายงานความคืบหน้าให้พิจารณา"


def test_submit_sets_status_and_time_then_edits_are_refused(reporter, make_update):
    """A submitted update is in OPDC's queue and the agency can no longer change it."""
    update = make_update(author=reporter)
    update = update_submit(user=reporter, update=update, read_version=update.version)
    assert update.status == ReviewStatus.SUBMITTED
    assert timezone.now() - update.submitted_at < datetime.timedelta(minutes=1)
    with pytest.raises(PermissionDenied):
        update_save_draft(
            user=reporter, update=update, fields=FIELDS, read_version=update.version
        )
    with pytest.raises(PermissionDenied):
        update_submit(user=reporter, update=update, read_version=update.version)


def test_returned_update_can_be_corrected_and_resubmitted(reporter, make_update):
    """OPDC returns an update; its author edits and sends it again."""
    update = make_update(author=reporter, status=ReviewStatus.RETURNED)
    update = update_save_draft(
        user=reporter, update=update, fields=FIELDS, read_version=update.version
    )
    assert update.title_th == FIELDS["title_th"]
    update = update_submit(user=reporter, update=update, read_version=update.version)
    assert update.status == ReviewStatus.SUBMITTED


@pytest.mark.parametrize("status", [ReviewStatus.APPROVED, ReviewStatus.REJECTED])
def test_reviewed_update_is_final(lead, reporter, make_update, status):
    """Approved and rejected updates stay as they are, even for the agency lead."""
    update = make_update(author=reporter, status=status)
    assert not can_edit_submission(user=lead, submission=update)
    with pytest.raises(PermissionDenied):
        update_submit(user=lead, update=update, read_version=update.version)


def test_permission_matrix_for_a_reporters_draft(
    reporter, colleague, lead, outsider, editor, superuser, make_update
):
    """Author and lead may edit a reporter's draft; nobody else may."""
    update = make_update(author=reporter)
    allowed = {
        reporter: True,
        colleague: False,
        lead: True,
        outsider: False,
        editor: False,
        superuser: False,
    }
    for user, may in allowed.items():
        assert can_edit_submission(user=user, submission=update) == may, user


@pytest.mark.parametrize("who", ["outsider", "editor", "superuser"])
def test_nobody_outside_the_agency_can_report(request, dlt, dlt_project, who):
    """Another agency, an OPDC editor or a superuser cannot report for DLT."""
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        update_save_draft(user=user, project=dlt_project, agency=dlt, fields=FIELDS)
    assert not ProjectUpdate.objects.exists()


def test_reporter_cannot_report_for_an_agency_not_on_the_project(
    reporter, rid, dlt_project
):
    """The reporting agency must be the account's and on the project."""
    with pytest.raises(PermissionDenied):
        update_save_draft(user=reporter, project=dlt_project, agency=rid, fields=FIELDS)


def test_someone_elses_held_attachment_cannot_be_attached(
    reporter, colleague, dlt, dlt_project
):
    """Claiming a colleague's held upload is refused and nothing is saved."""
    theirs = held_png(colleague)
    with pytest.raises(PermissionDenied):
        update_save_draft(
            user=reporter,
            project=dlt_project,
            agency=dlt,
            fields=FIELDS,
            attach=[theirs],
        )
    assert not ProjectUpdate.objects.exists()
    theirs.refresh_from_db()
    assert theirs.update is None


def test_concurrent_save_is_refused_and_rolls_back(reporter, lead, make_update):
    """The second save with a stale version raises EditConflict and changes nothing."""
    update = make_update(author=reporter)
    stale = update.version
    update_save_draft(
        user=lead,
        update=update,
        fields={**FIELDS, "body_th": "ฉบับของหัวหน้า"},
        read_version=stale,
    )
    with pytest.raises(EditConflict) as conflict:
        update_save_draft(
            user=reporter,
            update=update,
            fields={**FIELDS, "body_th": "ฉบับของผู้รายงาน"},
            links=[LinkInput("https://www.dlt.go.th")],
            read_version=stale,
        )
    assert conflict.value.current.body_th == "ฉบับของหัวหน้า"
    update.refresh_from_db()
    assert update.body_th == "ฉบับของหัวหน้า"
    assert not update.links.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"proposed_stage": Stage.PILOT}, "stage_change_reason_th"),
        (
            {"proposed_stage": Stage.DISCONTINUED, "stage_change_reason_th": "ยุติ"},
            "lessons_learned_th",
        ),
        (
            {"proposed_stage": Stage.PROTOTYPE, "stage_change_reason_th": "x"},
            "proposed_stage",
        ),
        ({"reported_on": datetime.date(2568, 2, 21)}, "reported_on"),
        ({"title_th": ""}, "title_th"),
    ],
)
def test_update_rules(reporter, dlt, dlt_project, fields, field):
    """Reason, lessons, a real stage change, a past date and a Thai title are needed."""
    with pytest.raises(ValidationError) as error:
        update_save_draft(
            user=reporter,
            project=dlt_project,
            agency=dlt,
            fields={**FIELDS, **fields},
        )
    assert field in error.value.message_dict


def test_removing_an_attachment_deletes_its_file(
    reporter, make_update, stored_files, django_capture_on_commit_callbacks
):
    """A removed attachment's row and file are gone once the save commits."""
    update = make_update(author=reporter)
    attachment = held_png(reporter)
    UpdateAttachment.objects.filter(pk=attachment.pk).update(update=update)
    with django_capture_on_commit_callbacks(execute=True):
        update_save_draft(
            user=reporter,
            update=update,
            fields=FIELDS,
            remove=[attachment],
            read_version=update.version,
        )
    assert not UpdateAttachment.objects.exists()
    assert stored_files() == []


def test_purge_deletes_only_old_held_attachments(
    reporter, make_update, stored_files, django_capture_on_commit_callbacks
):
    """Held uploads older than a day go; fresh ones and attached ones stay."""
    old, fresh, attached = held_png(reporter), held_png(reporter), held_png(reporter)
    a_day_ago = timezone.now() - datetime.timedelta(days=1, minutes=1)
    UpdateAttachment.objects.filter(pk__in=[old.pk, attached.pk]).update(
        created_at=a_day_ago
    )
    UpdateAttachment.objects.filter(pk=attached.pk).update(
        update=make_update(author=reporter)
    )
    with django_capture_on_commit_callbacks(execute=True):
        purged = attachment_purge_held(older_than=datetime.timedelta(days=1))
    assert purged == 1
    assert set(UpdateAttachment.objects.values_list("pk", flat=True)) == {
        fresh.pk,
        attached.pk,
    }
    assert len(stored_files()) == 2


PROPOSAL = {
    "title_th": "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์",
    "track": "agency",
    "fiscal_year": 2568,
}


def test_proposal_drafted_by_reporter_submitted_only_by_lead(reporter, lead, dlt):
    """Any member drafts a proposal; the agency lead alone submits it."""
    proposal = proposal_save_draft(user=reporter, agency=dlt, fields=PROPOSAL)
    with pytest.raises(PermissionDenied):
        proposal_submit(user=reporter, proposal=proposal, read_version=proposal.version)
    proposal = proposal_submit(
        user=lead, proposal=proposal, read_version=proposal.version
    )
    assert proposal.status == ReviewStatus.SUBMITTED
    assert Version.objects.get_for_object(proposal).count() == 2


def test_proposal_for_another_agency_is_refused(outsider, dlt):
    """A RID lead cannot propose in DLT's name."""
    with pytest.raises(PermissionDenied):
        proposal_save_draft(user=outsider, agency=dlt, fields=PROPOSAL)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"track": "service-issue"}, "issue_area"),
        (
            {
                "start_date": datetime.date(2025, 1, 1),
                "end_date": datetime.date(2024, 1, 1),
            },
            "end_date",
        ),
    ],
)
def test_proposal_rules(lead, dlt, fields, field):
    """A service-issue proposal needs an issue area; none ends before it starts."""
    with pytest.raises(ValidationError) as error:
        proposal_save_draft(user=lead, agency=dlt, fields={**PROPOSAL, **fields})
    assert field in error.value.message_dict


def test_agency_track_proposal_has_no_issue_area(lead, dlt, make_issue_area):
    """An agency-track proposal naming an issue area is refused, as for projects."""
    fields = {**PROPOSAL, "issue_area": make_issue_area()}
    with pytest.raises(ValidationError) as error:
        proposal_save_draft(user=lead, agency=dlt, fields=fields)
    assert "issue_area" in error.value.message_dict


def test_purge_command_reports_what_it_deleted(
    reporter, django_capture_on_commit_callbacks
):
    """The daily command deletes day-old held uploads and says how many."""
    old = held_png(reporter)
    UpdateAttachment.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=25)
    )
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_held_attachments", stdout=output)
    assert output.getvalue().strip() == "Deleted 1 held attachment(s)."
    assert not UpdateAttachment.objects.exists()
