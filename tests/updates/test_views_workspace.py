"""Workspace pages: dashboard, progress updates and proposals, in Thai and English."""

import datetime
import re

import pytest
from django.urls import reverse

from projects.models import Stage
from tests.updates.files import png_bytes, upload
from tests.updates.helpers import THAI_BODY, THAI_TITLE, proposal_data, update_data
from updates.models import (
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
)

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def create_url(project, lang="th"):
    return f"/{lang}/workspace/projects/{project.slug}/updates/new/"


def edit_url(update, lang="th"):
    return f"/{lang}/workspace/updates/{update.pk}/"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_dashboard_lists_projects_with_counts(
    client, reporter, make_update, dlt_project, lang
):
    """The dashboard shows the agency's project with its updates counted by status."""
    make_update(author=reporter)
    make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    make_update(author=reporter, status=ReviewStatus.APPROVED)
    make_update(author=reporter, status=ReviewStatus.RETURNED)
    client.force_login(reporter)
    response = client.get(f"/{lang}/workspace/")
    assert response.status_code == 200
    html = text(response)
    title = {"th": "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล", "en": "Digital driving licence prototype"}
    assert title[lang] in html
    counts = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))
    if lang == "en":
        assert counts == {
            "Drafts": "1",
            "Awaiting review": "2",
            "Returned for changes": "1",
            "Published": "1",
        }


def test_dashboard_shows_proposals_and_the_reason_for_returning(
    client, reporter, make_proposal
):
    """A returned proposal shows OPDC's reason on the dashboard."""
    make_proposal(
        author=reporter,
        status=ReviewStatus.RETURNED,
        return_reason="โปรดระบุกลุ่มเป้าหมายให้ชัดเจน",
    )
    client.force_login(reporter)
    html = text(client.get("/en/workspace/"))
    assert "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์" in html
    assert "Returned for changes" in html
    assert "โปรดระบุกลุ่มเป้าหมายให้ชัดเจน" in html


def test_dashboard_empty_state_for_staff_without_membership(
    client, editor, dlt_project
):
    """An OPDC editor without memberships sees a friendly explanation, no projects."""
    client.force_login(editor)
    html = text(client.get("/en/workspace/"))
    assert "Your account does not report for any agency yet." in html
    assert dlt_project.title_en not in html


def test_dashboard_query_count_does_not_grow_with_projects(
    client,
    reporter,
    dlt,
    make_project,
    make_update,
    make_proposal,
    django_assert_max_num_queries,
):
    """3 projects or 30, with updates and proposals, cost the same queries."""
    client.force_login(reporter)

    def add(count):
        for _ in range(count):
            project = make_project(participating=[dlt])
            make_update(author=reporter, project=project)
            make_proposal(author=reporter)

    add(3)
    with django_assert_max_num_queries(12) as small:
        client.get("/th/workspace/")
    add(27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get("/th/workspace/")
    # 30 projects and dlt_project (make_update's default), then 30 proposals.
    assert text(response).count('<li class="card">') == 31 + 30


@pytest.mark.parametrize(
    ("lang", "typed"), [("th", "21/02/2568"), ("en", "21/02/2025")]
)
def test_create_draft_reads_the_date_in_the_pages_calendar(
    client, reporter, dlt, dlt_project, lang, typed
):
    """A Thai page reads 2568 as Buddhist Era, an English page reads 2025 as CE."""
    client.force_login(reporter)
    response = client.post(
        create_url(dlt_project, lang),
        update_data(
            reported_on=typed, links=[("https://www.dlt.go.th", "กรมการขนส่งทางบก")]
        ),
    )
    update = ProjectUpdate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == edit_url(update, lang)
    assert update.reported_on == datetime.date(2025, 2, 21)
    assert (update.title_th, update.body_th) == (THAI_TITLE, THAI_BODY)
    assert (update.agency, update.author, update.status) == (dlt, reporter, "draft")
    assert [(link.url, link.label) for link in update.links.all()] == [
        ("https://www.dlt.go.th", "กรมการขนส่งทางบก")
    ]
    shown = text(client.get(edit_url(update, lang)))
    assert f'value="{typed}"' in shown


def test_failed_form_keeps_thai_text_and_the_valid_attachment(
    client, reporter, dlt_project, stored_files
):
    """A form with errors comes back with the typed Thai and the accepted file."""
    client.force_login(reporter)
    data = update_data(reported_on="31/02/2568")
    data["attachments"] = [
        upload("แผนที่.png", png_bytes()),
        upload("notes.png", "ไม่ใช่รูปภาพ".encode()),
    ]
    response = client.post(create_url(dlt_project), data)
    html = text(response)
    assert response.status_code == 200
    assert not ProjectUpdate.objects.exists()
    assert f'value="{THAI_TITLE}"' in html and THAI_BODY in html
    assert 'value="31/02/2568"' in html
    assert "notes.png ไม่ใช่ไฟล์ภาพหรือ PDF" in html
    held = UpdateAttachment.objects.get()
    assert held.original_name == "แผนที่.png" and held.update is None
    assert f'<input type="hidden" name="held" value="{held.pk}">' in html
    assert "แผนที่.png" in html
    assert len(stored_files()) == 1

    corrected = update_data(held=[str(held.pk)])
    response = client.post(create_url(dlt_project), corrected)
    assert response.status_code == 302
    held.refresh_from_db()
    assert held.update == ProjectUpdate.objects.get()


def test_held_attachment_ticked_for_removal_is_deleted_on_save(
    client, reporter, dlt_project, stored_files, django_capture_on_commit_callbacks
):
    """Ticking "remove" on an attachment drops the row and its file when saved."""
    client.force_login(reporter)
    data = update_data(title_th="")
    data["attachments"] = [upload("a.png", png_bytes())]
    client.post(create_url(dlt_project), data)
    held = UpdateAttachment.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            create_url(dlt_project),
            update_data(held=[str(held.pk)], remove=[str(held.pk)]),
        )
    assert response.status_code == 302
    assert not UpdateAttachment.objects.exists()
    assert stored_files() == []


def test_attachment_added_on_edit_and_downloaded(client, reporter, make_update):
    """An image attached to a draft is listed and downloads as the re-encoded PNG."""
    update = make_update(author=reporter)
    client.force_login(reporter)
    data = update_data(version=str(update.version))
    data["attachments"] = [upload("กราฟ.png", png_bytes())]
    assert client.post(edit_url(update), data).status_code == 302
    attachment = update.attachments.get()
    html = text(client.get(edit_url(update)))
    assert f"/th/workspace/attachments/{attachment.pk}/" in html
    response = client.get(f"/th/workspace/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"proposed_stage": Stage.PILOT}, "stage_change_reason_th", "Say in Thai why"),
        (
            {"proposed_stage": Stage.ADOPTED, "stage_change_reason_th": "ใช้งานจริงแล้ว"},
            "lessons_learned_th",
            "Give the lessons learned",
        ),
        (
            {"proposed_stage": Stage.PROTOTYPE, "stage_change_reason_th": "x"},
            "proposed_stage",
            "already at this stage",
        ),
        ({"links-0-url": "not a web address"}, "links-0-url", "Enter a valid URL."),
        ({"links-0-label": "เว็บไซต์"}, "links-0-url", "Give the web address"),
        ({"reported_on": "21/02/2568"}, "reported_on", "cannot be in the future"),
    ],
)
def test_stage_and_link_rules_show_beside_their_fields(
    client, reporter, dlt_project, fields, field, message
):
    """A missing reason, lessons or web address is reported on its own field."""
    client.force_login(reporter)
    data = update_data(reported_on="21/02/2025")
    response = client.post(create_url(dlt_project, "en"), {**data, **fields})
    html = text(response)
    assert response.status_code == 200
    assert not ProjectUpdate.objects.exists()
    assert re.search(rf'<a href="#id_{field}">[^<]*{message}', html), html


def test_stage_change_with_reason_and_lessons_is_saved(client, lead, dlt_project):
    """A proposed move to adopted, with reason and lessons, is saved with the draft."""
    client.force_login(lead)
    client.post(
        create_url(dlt_project),
        update_data(
            proposed_stage=Stage.ADOPTED,
            stage_change_reason_th="กรมฯ นำไปใช้ทั่วประเทศ",
            lessons_learned_th="ต้องอบรมเจ้าหน้าที่ก่อนเปิดบริการ",
        ),
    )
    update = ProjectUpdate.objects.get()
    assert update.proposed_stage == Stage.ADOPTED
    assert update.lessons_learned_th == "ต้องอบรมเจ้าหน้าที่ก่อนเปิดบริการ"


def test_draft_submit_then_no_more_editing(client, reporter, make_update):
    """After submitting, the page is read-only and a further save is refused."""
    update = make_update(author=reporter)
    client.force_login(reporter)
    response = client.post(
        f"/en/workspace/updates/{update.pk}/submit/", {"version": update.version}
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.status == ReviewStatus.SUBMITTED and update.submitted_at
    html = text(client.get(edit_url(update, "en")))
    assert "can no longer be edited" in html and 'name="title_th"' not in html
    response = client.post(edit_url(update), update_data(version=str(update.version)))
    assert response.status_code == 403
    update.refresh_from_db()
    assert update.title_th != THAI_TITLE


def test_returned_update_is_edited_and_resubmitted(client, reporter, make_update):
    """A returned update shows OPDC's reason, can be corrected and sent again."""
    update = make_update(
        author=reporter,
        status=ReviewStatus.RETURNED,
        return_reason="โปรดแนบภาพประกอบ",
    )
    client.force_login(reporter)
    html = text(client.get(edit_url(update)))
    assert "โปรดแนบภาพประกอบ" in html
    client.post(edit_url(update), update_data(version=str(update.version)))
    update.refresh_from_db()
    assert update.title_th == THAI_TITLE and update.status == ReviewStatus.RETURNED
    client.post(
        f"/th/workspace/updates/{update.pk}/submit/", {"version": update.version}
    )
    update.refresh_from_db()
    assert update.status == ReviewStatus.SUBMITTED


def test_concurrent_edit_is_refused_and_shows_the_other_text(
    client, reporter, lead, make_update
):
    """The second editor sees the message and the first's text; nothing is saved."""
    update = make_update(author=reporter)
    read_version = update.version
    client.force_login(lead)
    client.post(
        edit_url(update),
        update_data(version=str(read_version), body_th="ฉบับของหัวหน้าหน่วยงาน"),
    )
    client.force_login(reporter)
    response = client.post(
        edit_url(update),
        update_data(version=str(read_version), body_th="ฉบับของผู้รายงาน"),
    )
    html = text(response)
    assert response.status_code == 200
    assert "มีผู้อื่นบันทึกรายการนี้ระหว่างที่คุณกำลังแก้ไข" in html
    assert "ฉบับของหัวหน้าหน่วยงาน" in html
    assert "ฉบับของผู้รายงาน" in html
    update.refresh_from_db()
    assert update.body_th == "ฉบับของหัวหน้าหน่วยงาน"
    assert update.version == read_version + 1


def test_stale_submit_is_refused_with_the_message(client, reporter, lead, make_update):
    """Submitting a draft someone changed since the page was read is refused."""
    update = make_update(author=reporter)
    client.force_login(lead)
    client.post(edit_url(update), update_data(version=str(update.version)))
    client.force_login(reporter)
    response = client.post(
        f"/en/workspace/updates/{update.pk}/submit/",
        {"version": update.version},
        follow=True,
    )
    assert "Someone else saved this record" in text(response)
    update.refresh_from_db()
    assert update.status == ReviewStatus.DRAFT


def test_agency_choice_offered_only_with_several_agencies(
    client, make_member, dlt, rid, make_project
):
    """A member of two agencies on a project picks one of those two, no other."""
    user = make_member("nida", dlt)
    make_member("nida2", rid)
    from accounts.models import Membership

    Membership.objects.create(user=user, agency=rid)
    project = make_project(lead_agency=dlt, participating=[rid])
    client.force_login(user)
    html = text(client.get(create_url(project, "en")))
    assert '<select name="agency"' in html
    assert re.search(r'<option value="\d+">Royal Irrigation Department</option>', html)
    assert "Department of Land Transport</option>" in html
    client.post(create_url(project), update_data(agency=str(rid.pk)))
    assert ProjectUpdate.objects.get().agency == rid


def test_proposal_drafted_by_reporter_and_submitted_by_lead(
    client, reporter, lead, dlt
):
    """A reporter drafts a proposal; only the agency lead can send it to OPDC."""
    client.force_login(reporter)
    response = client.post("/th/workspace/proposals/new/", proposal_data())
    proposal = ProjectProposal.objects.get()
    assert response.status_code == 302
    assert (proposal.agency, proposal.author, proposal.fiscal_year) == (
        dlt,
        reporter,
        2568,
    )
    assert proposal.start_date == datetime.date(2024, 10, 1)
    html = text(client.get(f"/en/workspace/proposals/{proposal.pk}/"))
    assert "An agency lead of your agency sends proposals to OPDC." in html
    response = client.post(
        f"/th/workspace/proposals/{proposal.pk}/submit/", {"version": proposal.version}
    )
    assert response.status_code == 403

    client.force_login(lead)
    html = text(client.get(f"/en/workspace/proposals/{proposal.pk}/"))
    assert "Submit for review" in html
    client.post(
        f"/th/workspace/proposals/{proposal.pk}/submit/", {"version": proposal.version}
    )
    proposal.refresh_from_db()
    assert proposal.status == ReviewStatus.SUBMITTED
    assert proposal.project is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"track": "service-issue"}, "issue_area", "Choose the issue area"),
        ({"fiscal_year": "2025"}, "fiscal_year", "greater than or equal to 2540"),
        (
            {"start_date": "01/10/2024", "end_date": "01/01/2024"},
            "end_date",
            "cannot be before the start date",
        ),
        ({"start_date": "2567"}, "start_date", "for example 21/02/2025"),
    ],
)
def test_proposal_rules_show_beside_their_fields(client, lead, fields, field, message):
    """Track, fiscal year and date rules are explained on the proposal form."""
    client.force_login(lead)
    response = client.post("/en/workspace/proposals/new/", proposal_data(**fields))
    assert response.status_code == 200
    assert not ProjectProposal.objects.exists()
    assert re.search(rf'<a href="#id_{field}">[^<]*{message}', text(response))


def test_service_issue_proposal_with_issue_area_is_saved(client, lead, make_issue_area):
    """A service-issue proposal names its issue area."""
    area = make_issue_area(name_th="การให้บริการด้านที่ดิน")
    client.force_login(lead)
    client.post(
        "/en/workspace/proposals/new/",
        proposal_data(
            track="service-issue",
            issue_area=str(area.pk),
            start_date="01/10/2024",
            end_date="30/09/2025",
        ),
    )
    proposal = ProjectProposal.objects.get()
    assert proposal.issue_area == area
    assert proposal.end_date == datetime.date(2025, 9, 30)


def test_workspace_project_page_lists_the_agencys_updates(
    client, reporter, make_update, dlt_project, django_assert_max_num_queries
):
    """The project page lists updates in every status with their Thai dates."""
    make_update(author=reporter, status=ReviewStatus.RETURNED, return_reason="ขาดข้อมูล")
    for _ in range(5):
        make_update(author=reporter)
    client.force_login(reporter)
    with django_assert_max_num_queries(12):
        html = text(
            client.get(reverse("workspace:project-detail", args=[dlt_project.slug]))
        )
    assert "21 กุมภาพันธ์ 2568" in html
    assert "ขาดข้อมูล" in html
    assert html.count('<li class="card">') == 6
