"""axe-core in Chromium on every kind of public page and workspace form, both languages.

Only the WCAG 2.0 and 2.1 level A and AA rules run; any violation fails, with the
page, the rule, its impact and the elements it found.
"""

import datetime

import pytest
from django.core.files.base import ContentFile

from tests.e2e.pages import accessibility_violations, sign_in
from tests.updates.files import png_bytes
from updates.models import AttachmentKind, ProjectUpdate, ReviewStatus, UpdateAttachment

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PUBLIC_PAGES = [
    "/",
    "/projects/",
    "/projects/?track=agency&agency=department-of-land-transport&sort=title",
    "/projects/digital-driving-licence/",
    "/agencies/",
    "/agencies/department-of-land-transport/",
    "/events/",
    "/events/gov-lab-hackathon/",
    "/search/?q=ใบขับขี่",
    "/stats/",
    "/alerts/subscribe/?track=agency",
    "/accounts/login/",
    "/no-such-page/",
]
# Pages whose form is sent empty or wrong, to check the errors as shown.
PUBLIC_FORMS_WITH_ERRORS = ["/alerts/subscribe/", "/accounts/login/"]
WORKSPACE_FORMS = [
    "/workspace/",
    "/workspace/projects/digital-driving-licence/",
    "/workspace/projects/digital-driving-licence/updates/new/",
    "/workspace/proposals/new/",
]
WORKSPACE_FORMS_WITH_ERRORS = WORKSPACE_FORMS[2:]


@pytest.fixture
def published_update(registry, reporter):
    """An approved update with a photo, so the project page shows its timeline."""
    update = ProjectUpdate.objects.create(
        project=registry["licence"],
        agency=registry["dlt"],
        author=reporter,
        status=ReviewStatus.APPROVED,
        reported_on=datetime.date(2025, 2, 21),
        title_th="ทดลองใช้ใบขับขี่ดิจิทัลที่สำนักงานขนส่งกรุงเทพมหานคร",
        body_th="ประชาชนกว่า 500 คนทดลองแสดงใบขับขี่บนโทรศัพท์",
    )
    photo = png_bytes(size=(320, 200))
    UpdateAttachment.objects.create(
        update=update,
        file=ContentFile(photo, name="trial.png"),
        original_name="ภาพการทดลอง.png",
        kind=AttachmentKind.IMAGE,
        content_type="image/png",
        size=len(photo),
    )
    return update


def submit_empty(page, url):
    """Sends the page's main form as it comes, to show its error messages."""
    page.goto(url)
    page.locator("main form.stacked-form button[type=submit]").first.click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1, f"no errors shown on {url}"


@pytest.mark.parametrize("language", ["th", "en"])
def test_public_pages_meet_wcag_21_aa(desktop, language, published_update):
    """Every kind of public page, and its forms with errors, passes axe-core."""
    found = []
    for path in PUBLIC_PAGES:
        desktop.goto(f"/{language}{path}")
        found += accessibility_violations(desktop)
    for path in PUBLIC_FORMS_WITH_ERRORS:
        submit_empty(desktop, f"/{language}{path}")
        found += accessibility_violations(desktop)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("language", ["th", "en"])
def test_workspace_forms_meet_wcag_21_aa(desktop, language, reporter):
    """The workspace and its forms, blank and with errors, pass axe-core."""
    sign_in(desktop, "somsri", language=language)
    found = []
    for path in WORKSPACE_FORMS:
        desktop.goto(f"/{language}{path}")
        found += accessibility_violations(desktop)
    for path in WORKSPACE_FORMS_WITH_ERRORS:
        submit_empty(desktop, f"/{language}{path}")
        found += accessibility_violations(desktop)
    assert not found, "\n".join(found)


def test_the_checks_report_what_they_find(browser):
    """A page with an unnamed image and a skipped heading level fails, named."""
    page = browser.new_page()
    page.set_content(
        '<!DOCTYPE html><html lang="th"><title>ทดสอบ</title>'
        '<main><h1>หัวเรื่อง</h1><h3>ย่อย</h3><img src="data:,"></main></html>'
    )
    found = "\n".join(accessibility_violations(page))
    page.close()
    assert "image-alt (critical)" in found
    assert "\n    img\n" in found
    assert "headings out of order: h1 followed by h3" in found
