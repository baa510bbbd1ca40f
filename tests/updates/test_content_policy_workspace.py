"""The workspace and OPDC's review pages work under the Content-Security-Policy."""

import pytest

from tests.content_policy import assert_works_under_policy
from updates.models import ReviewStatus

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["th", "en"])
def test_workspace_pages_have_no_inline_code(
    client, lead, reporter, make_update, make_proposal, dlt_project, lang
):
    """Dashboard, project, forms and read-only pages run only the site's own files."""
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
        assert_works_under_policy(client.get(f"/{lang}/workspace/{path}"))
    assert_works_under_policy(client.get(f"/{lang}/accounts/password/change/"))


def test_review_pages_have_no_inline_code(
    client, superuser, reporter, make_update, make_proposal
):
    """A submission's review page and the page asking a reason use no inline code."""
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    proposal = make_proposal(author=reporter, status=ReviewStatus.SUBMITTED)
    client.force_login(superuser)
    updates_url = "/th/admin/updates/projectupdate/"
    for path in (
        updates_url,
        f"{updates_url}{update.pk}/change/",
        f"/th/admin/updates/projectproposal/{proposal.pk}/change/",
    ):
        response = client.get(path)
        assert_works_under_policy(response)
    assert 'id="review-decision"' in response.content.decode()
    asking = client.post(
        updates_url + "?status=all",
        {"action": "return_selected", "_selected_action": [update.pk], "index": "0"},
    )
    assert 'name="reason"' in asking.content.decode()
    assert_works_under_policy(asking)
