"""An agency's progress update, from the reporter's form to the public timeline."""

import re

import pytest
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from tests.e2e.pages import sign_in
from tests.updates.files import png_bytes
from tests.updates.helpers import THAI_BODY, THAI_TITLE

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LICENCE_TH = "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล"
PROJECT_URL = "/th/projects/digital-driving-licence/"


def report_progress(page, snap):
    """The reporter writes an update with a photo, saves it and sends it to OPDC."""
    sign_in(page, "somsri")
    page.goto("/th/workspace/")
    snap(page, "workspace")
    card = page.locator(".card", has=page.get_by_role("heading", name=LICENCE_TH))
    card.get_by_role("link", name=_("Report progress")).click()
    expect(page.locator("h1")).to_have_text(_("Report progress"))
    page.locator("#id_title_th").fill(THAI_TITLE)
    page.locator("#id_reported_on").fill("21/02/2568")
    page.locator("#id_body_th").fill(THAI_BODY)
    page.locator("#id_attachments").set_input_files(
        files=[
            {
                "name": "ใบขับขี่ดิจิทัล.png",
                "mimeType": "image/png",
                "buffer": png_bytes(size=(320, 200)),
            }
        ]
    )
    snap(page, "update-form-filled")
    page.get_by_role("button", name=_("Save draft")).click()
    expect(page.locator("h1")).to_have_text(_("Edit progress update"))
    expect(page.get_by_text(_("Draft"), exact=True)).to_be_visible()
    page.get_by_role("button", name=_("Submit for review")).click()
    expect(page.locator(".messages")).to_be_visible()
    page.get_by_role("link", name=LICENCE_TH, exact=True).click()
    update = page.locator(".card", has=page.get_by_role("heading", name=THAI_TITLE))
    expect(update).to_contain_text(_("Submitted, awaiting review"))
    snap(page, "update-pending")


def approve_in_admin(page, snap):
    """The OPDC editor opens the update from the review queue and approves it."""
    sign_in(page, "somchai")
    page.goto("/th/admin/updates/projectupdate/")
    page.get_by_role("link", name=THAI_TITLE).click()
    expect(page.locator("#review-diff")).to_be_visible()
    snap(page, "admin-review")
    page.get_by_role("button", name=_("Approve and publish")).click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    snap(page, "admin-approved")


def test_reporter_submits_editor_approves_citizen_reads(
    open_page, snap, registry, reporter, editor
):
    """A reporter's update with a photo is pending, then approved, then public."""
    citizen = open_page("phone")
    citizen.goto(PROJECT_URL)
    expect(citizen.get_by_text(THAI_TITLE)).to_have_count(0)

    report_progress(open_page("desktop"), snap)
    citizen.reload()
    expect(citizen.get_by_text(THAI_TITLE)).to_have_count(0)

    approve_in_admin(open_page("desktop"), snap)
    citizen.reload()
    timeline = citizen.locator("ol.timeline")
    expect(timeline.locator("h3")).to_have_text(THAI_TITLE)
    expect(timeline).to_contain_text(THAI_BODY)
    photo = timeline.get_by_role("img", name=THAI_TITLE)
    photo.scroll_into_view_if_needed()
    expect(photo).to_be_visible()
    assert photo.evaluate("image => image.complete && image.naturalWidth") == 320
    assert re.search(r"/th/workspace/attachments/\d+/$", photo.get_attribute("src"))
    snap(citizen, "timeline")
