"""Every workspace page, in each state, is valid accessible HTML in both languages."""

import pytest

from tests.test_pages_html import check_accessible_structure, parse
from tests.updates.files import png_bytes, upload
from tests.updates.helpers import proposal_data, update_data
from updates.models import ReviewStatus

pytestmark = pytest.mark.django_db


def check(response):
    html = response.content.decode()
    check_accessible_structure(parse(html), html)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_workspace_pages_are_valid_html(
    client, lead, reporter, make_update, make_proposal, dlt_project, lang
):
    """Dashboard, project, forms and read-only pages parse cleanly and are labelled."""
    draft = make_update(author=reporter)
    submitted = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    returned = make_proposal(
        author=reporter, status=ReviewStatus.RETURNED, return_reason="ขาดงบประมาณ"
    )
    client.force_login(lead)
    for path in (
        "",
        f"projects/{dlt_project.slug}/",
        f"projects/{dlt_project.slug}/updates/new/",
        f"updates/{draft.pk}/",
        f"updates/{submitted.pk}/",
        "proposals/new/",
        f"proposals/{returned.pk}/",
    ):
        response = client.get(f"/{lang}/workspace/{path}")
        assert response.status_code == 200, path
        check(response)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_failed_and_conflicting_forms_are_valid_html(
    client, reporter, lead, make_update, dlt_project, lang
):
    """A form sent back with errors, held files, or a conflict is still valid HTML."""
    client.force_login(reporter)
    data = update_data(title_th="", **{"links-0-label": "ไม่มีที่อยู่"})
    data["attachments"] = [upload("ภาพ.png", png_bytes())]
    response = client.post(
        f"/{lang}/workspace/projects/{dlt_project.slug}/updates/new/", data
    )
    assert response.status_code == 200
    check(response)

    update = make_update(author=reporter)
    date = {"th": "21/02/2568", "en": "21/02/2025"}[lang]
    client.force_login(lead)
    client.post(
        f"/{lang}/workspace/updates/{update.pk}/",
        update_data(version="1", reported_on=date),
    )
    client.force_login(reporter)
    response = client.post(
        f"/{lang}/workspace/updates/{update.pk}/",
        update_data(version="1", reported_on=date),
    )
    assert b"conflict-heading" in response.content
    check(response)
    response = client.post(
        f"/{lang}/workspace/proposals/new/", proposal_data(title_th="")
    )
    check(response)
