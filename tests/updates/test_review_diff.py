"""The diff a reviewer sees: what approving would change on the public record."""

import datetime

import pytest
from django.utils import translation

from projects.models import Stage
from updates.models import AttachmentKind, ReviewStatus, UpdateAttachment, UpdateLink
from updates.review_diff import NONE, proposal_diff, update_diff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def rows(diff):
    return {row.label: (row.published, row.proposed) for row in diff.rows}


def test_update_diff_shows_the_stage_move_and_its_reason(make_update, reporter):
    """Stage: the current stage against the proposed one, with the reason."""
    update = make_update(
        author=reporter,
        status=ReviewStatus.SUBMITTED,
        proposed_stage=Stage.PILOT,
        stage_change_reason_th="เริ่มนำร่องที่สำนักงานขนส่ง 5 แห่ง",
    )
    diff = rows(update_diff(update=update))
    assert diff["Stage"] == ("Prototype", "Pilot")
    assert diff["Reason for the stage change (Thai)"] == (
        NONE,
        "เริ่มนำร่องที่สำนักงานขนส่ง 5 แห่ง",
    )
    assert diff["Reason for the stage change (English)"] == (NONE, NONE)


def test_update_diff_shows_the_timeline_entry(make_update, reporter):
    """Title, text, date, links and attachments the timeline would gain."""
    update = make_update(
        author=reporter,
        status=ReviewStatus.SUBMITTED,
        title_en="Digital licence trial",
    )
    UpdateLink.objects.create(
        update=update, url="https://www.dlt.go.th/", label="กรมการขนส่งทางบก"
    )
    UpdateAttachment.objects.create(
        update=update,
        file="attachments/2025/02/report.pdf",
        original_name="รายงานผล.pdf",
        kind=AttachmentKind.PDF,
        content_type="application/pdf",
        size=2048,
    )
    diff = update_diff(update=update)
    values = rows(diff)
    assert values["Title (Thai)"] == (
        NONE,
        "ทดลองให้บริการใบขับขี่ดิจิทัลที่สำนักงานขนส่ง",
    )
    assert values["Title (English)"] == (NONE, "Digital licence trial")
    assert values["Reporting date"] == (NONE, "21 February 2025")
    assert values["Links"] == (NONE, "กรมการขนส่งทางบก <https://www.dlt.go.th/>")
    assert values["Attachments"][1].startswith("รายงานผล.pdf (PDF document, 2.0")
    assert values["Last reported"] == ("No published update yet", "21 February 2025")
    assert values["Stage"] == ("Prototype", "Prototype")
    assert not next(row for row in diff.rows if row.label == "Stage").changed
    assert diff.warnings == []


def test_update_diff_keeps_a_later_last_report(make_update, reporter):
    """An update dated before the last published one does not move "last reported"."""
    make_update(
        author=reporter,
        status=ReviewStatus.APPROVED,
        reported_on=datetime.date(2025, 6, 1),
    )
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    assert rows(update_diff(update=update))["Last reported"] == (
        "1 June 2025",
        "1 June 2025",
    )


def test_proposal_diff_lists_every_field_against_nothing(make_proposal, lead, dlt):
    """No project exists yet: every field is new, and the agency leads it."""
    proposal = make_proposal(
        author=lead,
        status=ReviewStatus.SUBMITTED,
        title_en="Online vehicle tax renewal",
        start_date=datetime.date(2024, 10, 1),
    )
    diff = proposal_diff(proposal=proposal)
    values = rows(diff)
    assert all(published == NONE for published, _ in values.values())
    assert values["Title (Thai)"][1] == "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์"
    assert values["Track"][1] == "Agency track"
    assert values["Lead agency"][1] == "Department of Land Transport"
    assert values["Fiscal year"][1] == "FY2025 (B.E. 2568)"
    assert values["Start date"][1] == "1 October 2024"
    assert values["End date"][1] == NONE
    assert values["Stage"][1] == "Idea"
    assert values["Slug"][1] == "online-vehicle-tax-renewal"
    assert diff.warnings == []


def test_proposal_diff_warns_of_a_published_twin(make_proposal, lead, make_project):
    """A published project with the same title is pointed out."""
    make_project(title_th="ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์", slug="vehicle-tax-online")
    proposal = make_proposal(author=lead, status=ReviewStatus.SUBMITTED)
    warnings = proposal_diff(proposal=proposal).warnings
    assert len(warnings) == 1
    assert "/en/projects/vehicle-tax-online/" in warnings[0]
