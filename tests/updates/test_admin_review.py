"""The review queue and decisions in the admin, one by one and in bulk."""

import html
import re

import pytest
import reversion
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from reversion.models import Version

from projects.models import Project, Stage
from updates.models import ProjectProposal, ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

UPDATES = "/{lang}/admin/updates/projectupdate/"
PROPOSALS = "/{lang}/admin/updates/projectproposal/"
REASON = "กรุณาระบุจำนวนผู้ใช้บริการจริง"


@pytest.fixture
def reviewer(make_member):
    """OPDC staff who may see and review updates and proposals, and nothing else."""
    user = make_member("kannika", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="updates",
            codename__in=[
                "view_projectupdate",
                "review_projectupdate",
                "view_projectproposal",
                "review_projectproposal",
            ],
        )
    )
    return user


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def updates(make_update, reporter):
    """One update in each review status, titled by it."""
    return {
        status: make_update(author=reporter, status=status, title_th=f"รายงาน {status}")
        for status in ReviewStatus.values
    }


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def status_of(record):
    return type(record).objects.get(pk=record.pk).status


def text(response):
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_queue_shows_what_awaits_review(reviewer_client, updates, lang):
    """By default the changelist lists submitted updates only."""
    page = text(reviewer_client.get(UPDATES.format(lang=lang)))
    assert "รายงาน submitted" in page
    for status in ("draft", "returned", "approved", "rejected"):
        assert f"รายงาน {status}" not in page


def test_the_queue_can_show_every_status(reviewer_client, updates):
    """The "all" choice of the status filter lists everything."""
    page = text(reviewer_client.get(UPDATES.format(lang="en") + "?status=all"))
    for status in ReviewStatus.values:
        assert f"รายงาน {status}" in page


def test_queue_columns_in_thai(reviewer_client, make_update, reporter):
    """Project, agency, the reporting date in the Buddhist Era, the proposed stage."""
    make_update(
        author=reporter, status=ReviewStatus.SUBMITTED, proposed_stage=Stage.PILOT
    )
    page = text(reviewer_client.get(UPDATES.format(lang="th")))
    assert "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล" in page
    assert "กรมการขนส่งทางบก" in page
    assert "21 กุมภาพันธ์ 2568" in page
    assert "นำร่อง" in page


def test_change_page_shows_the_diff_and_the_decisions(
    reviewer_client, make_update, reporter
):
    """The stage row reads current → proposed; the three decisions are offered."""
    update = make_update(
        author=reporter,
        status=ReviewStatus.SUBMITTED,
        proposed_stage=Stage.PILOT,
        stage_change_reason_th="เริ่มนำร่องแล้ว",
    )
    page = text(reviewer_client.get(f"{UPDATES.format(lang='en')}{update.pk}/change/"))
    assert re.search(
        r"<th scope=\"row\">Stage <span[^>]*>\(changes\)</span></th>\s*"
        r"<td>Prototype</td>\s*<td>Pilot</td>",
        page,
    )
    for button in ("_approve", "_return", "_reject"):
        assert f'name="{button}"' in page


def decide(client, update, button, reason="", version=None):
    url = f"{UPDATES.format(lang='en')}{update.pk}/change/"
    data = {
        button: "1",
        "review_reason": reason,
        "review_version": update.version if version is None else version,
    }
    return client.post(url, data)


def test_approve_from_the_change_page(
    reviewer_client,
    make_update,
    reporter,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """Approving publishes, returns to the queue and emails the agency."""
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(reviewer_client, update, "_approve")
    assert response.status_code == 302
    assert response.url == UPDATES.format(lang="en")
    assert status_of(update) == ReviewStatus.APPROVED
    assert [message.to for message in mailoutbox] == [[reporter.email]]


def test_return_without_a_reason_is_refused(reviewer_client, make_update, reporter):
    """No reason, no return: a message says why and nothing changes."""
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    response = decide(reviewer_client, update, "_return", reason=" ")
    assert response.status_code == 302
    assert status_of(update) == ReviewStatus.SUBMITTED
    assert any("reason" in message for message in messages_of(response))


@pytest.mark.parametrize(
    ("button", "status"),
    [("_return", ReviewStatus.RETURNED), ("_reject", ReviewStatus.REJECTED)],
)
def test_return_or_reject_with_a_reason(
    reviewer_client, make_update, reporter, button, status
):
    """The reason typed on the change page reaches the update."""
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    decide(reviewer_client, update, button, reason=REASON)
    update.refresh_from_db()
    assert (update.status, update.return_reason) == (status, REASON)


def test_a_decision_on_a_changed_update_is_refused(
    reviewer_client, make_update, reporter
):
    """A page opened before the update changed cannot decide on it."""
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    response = decide(reviewer_client, update, "_approve", version=update.version - 1)
    assert status_of(update) == ReviewStatus.SUBMITTED
    assert any("changed" in message for message in messages_of(response))


def test_staff_without_the_review_permission_cannot_decide(
    client, make_member, make_update, reporter
):
    """Viewing is not reviewing: no buttons, and a forged decision is forbidden."""
    viewer = make_member("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_projectupdate"))
    client.force_login(viewer)
    update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    page = text(client.get(f"{UPDATES.format(lang='en')}{update.pk}/change/"))
    assert 'name="_approve"' not in page
    assert decide(client, update, "_approve").status_code == 403
    assert status_of(update) == ReviewStatus.SUBMITTED


def test_nothing_is_added_from_the_admin(reviewer_client, superuser, client):
    """Updates and proposals come from agencies: no add page, even for a superuser."""
    client.force_login(superuser)
    assert client.get(UPDATES.format(lang="en") + "add/").status_code == 403
    assert client.get(PROPOSALS.format(lang="en") + "add/").status_code == 403


def bulk(client, action, records, url=UPDATES, **extra):
    data = {
        "action": action,
        "_selected_action": [record.pk for record in records],
        **extra,
    }
    return client.post(url.format(lang="en") + "?status=all", data)


def test_bulk_approve(
    reviewer_client,
    make_update,
    reporter,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    """Approving several publishes each and emails the agency for each."""
    records = [
        make_update(author=reporter, status=ReviewStatus.SUBMITTED) for _ in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = bulk(reviewer_client, "approve_selected", records, index="0")
    assert response.status_code == 302
    assert {status_of(record) for record in records} == {ReviewStatus.APPROVED}
    assert len(mailoutbox) == 3
    assert "3 records are now: Approved and published." in messages_of(response)


def test_bulk_approve_leaves_what_is_not_awaiting_review(reviewer_client, updates):
    """A draft among the selected stays a draft and is named in a message."""
    response = bulk(
        reviewer_client,
        "approve_selected",
        [updates["submitted"], updates["draft"]],
        index="0",
    )
    assert status_of(updates["submitted"]) == ReviewStatus.APPROVED
    assert status_of(updates["draft"]) == ReviewStatus.DRAFT
    assert any("รายงาน draft" in message for message in messages_of(response))


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("return_selected", ReviewStatus.RETURNED),
        ("reject_selected", ReviewStatus.REJECTED),
    ],
)
def test_bulk_return_or_reject_asks_for_one_reason(
    reviewer_client, make_update, reporter, action, status
):
    """An intermediate page asks the reason; blank is refused; then all get it."""
    records = [
        make_update(author=reporter, status=ReviewStatus.SUBMITTED) for _ in range(2)
    ]
    asking = bulk(reviewer_client, action, records, index="0")
    assert asking.status_code == 200
    assert 'name="reason"' in text(asking)
    blank = bulk(reviewer_client, action, records, confirm="yes", reason="")
    assert blank.status_code == 200
    assert "Give the agency the reason" in text(blank)
    assert {status_of(record) for record in records} == {ReviewStatus.SUBMITTED}
    done = bulk(reviewer_client, action, records, confirm="yes", reason=REASON)
    assert done.status_code == 302
    for record in records:
        record.refresh_from_db()
        assert (record.status, record.return_reason) == (status, REASON)


def test_bulk_actions_need_the_review_permission(client, make_member, updates):
    """Staff who may only view get no review actions."""
    viewer = make_member("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_projectupdate"))
    client.force_login(viewer)
    page = text(client.get(UPDATES.format(lang="en")))
    assert "approve_selected" not in page
    bulk(client, "approve_selected", [updates["submitted"]], index="0")
    assert status_of(updates["submitted"]) == ReviewStatus.SUBMITTED


def test_proposal_approved_from_the_admin_becomes_a_project(
    reviewer_client, make_proposal, lead
):
    """The proposal diff is shown, and approving publishes the project."""
    proposal = make_proposal(
        author=lead, status=ReviewStatus.SUBMITTED, title_en="Online tax renewal"
    )
    url = f"{PROPOSALS.format(lang='en')}{proposal.pk}/change/"
    page = text(reviewer_client.get(url))
    assert "online-tax-renewal" in page
    reviewer_client.post(
        url, {"_approve": "1", "review_version": proposal.version, "review_reason": ""}
    )
    proposal = ProjectProposal.objects.get(pk=proposal.pk)
    assert proposal.status == ReviewStatus.APPROVED
    assert Project.objects.get(slug="online-tax-renewal").is_published


def test_bulk_reject_proposals(reviewer_client, make_proposal, lead):
    """Proposals have the same bulk decisions."""
    records = [
        make_proposal(author=lead, status=ReviewStatus.SUBMITTED) for _ in range(2)
    ]
    bulk(
        reviewer_client,
        "reject_selected",
        records,
        url=PROPOSALS,
        confirm="yes",
        reason=REASON,
    )
    assert {status_of(record) for record in records} == {ReviewStatus.REJECTED}


def test_restoring_an_earlier_version_keeps_the_decision(
    client, superuser, make_update, reporter
):
    """History brings back the text an update had, never its old review status."""
    with reversion.create_revision():
        update = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    with reversion.create_revision():
        update.title_th = "ชื่อที่แก้ไขแล้ว"
        update.status = ReviewStatus.APPROVED
        update.save()
    first = Version.objects.get_for_object(update).last()
    client.force_login(superuser)
    url = f"{UPDATES.format(lang='en')}{update.pk}/history/{first.pk}/"
    form = client.get(url).content.decode()
    data = dict(
        re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form)
    )
    data["_save"] = "Save"
    response = client.post(url, data)
    assert response.status_code == 302
    update = ProjectUpdate.objects.get(pk=update.pk)
    assert update.title_th == "ทดลองให้บริการใบขับขี่ดิจิทัลที่สำนักงานขนส่ง"
    assert update.status == ReviewStatus.APPROVED
