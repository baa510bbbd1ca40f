"""Who may do what in the workspace, checked on the server for every URL and form.

The matrix is the one in updates/services.py: reporters and agency leads of DLT
work on DLT's records; a lead of another agency, an OPDC editor and a superuser
without membership find nothing (404); anonymous visitors are sent to log in.
"""

import datetime

import pytest
from django.conf import settings
from django.shortcuts import resolve_url

from tests.updates.files import png_bytes, upload
from tests.updates.helpers import proposal_data, update_data
from updates.attachments import check_upload
from updates.models import (
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
    UpdateLink,
)
from updates.services import attachment_hold

pytestmark = pytest.mark.django_db

ACTORS = (
    "anonymous",
    "reporter",
    "colleague",
    "lead",
    "outsider",
    "editor",
    "superuser",
)
NOBODY = {"outsider": 404, "editor": 404, "superuser": 404}


@pytest.fixture
def actor(request, client, reporter, colleague, lead, outsider, editor, superuser):
    """Log the test client in as the named actor and return the account (or None)."""

    def login(name):
        user = {
            "anonymous": None,
            "reporter": reporter,
            "colleague": colleague,
            "lead": lead,
            "outsider": outsider,
            "editor": editor,
            "superuser": superuser,
        }[name]
        if user is not None:
            client.force_login(user)
        return user

    return login


@pytest.fixture
def records(reporter, make_update, make_proposal, dlt_project):
    draft = make_update(author=reporter)
    submitted = make_update(author=reporter, status=ReviewStatus.SUBMITTED)
    proposal = make_proposal(author=reporter)
    return {"draft": draft, "submitted": submitted, "proposal": proposal}


def attachment_for(user, update=None):
    held = attachment_hold(
        user=user, checked=check_upload(upload("a.png", png_bytes()))
    )
    if update is not None:
        UpdateAttachment.objects.filter(pk=held.pk).update(update=update)
    return held


def login_redirect(response, url):
    login = resolve_url(settings.LOGIN_URL)
    return response.status_code == 302 and response["Location"].startswith(login)


def expected(name, table):
    return {**NOBODY, **table}.get(name)


@pytest.mark.parametrize("name", ACTORS)
def test_get_pages(client, actor, records, dlt_project, name):
    """Each page answers each actor as the matrix says."""
    user = actor(name)
    draft, submitted, proposal = (
        records["draft"],
        records["submitted"],
        records["proposal"],
    )
    table = {
        "/th/workspace/": {"outsider": 200, "editor": 200, "superuser": 200},
        f"/th/workspace/projects/{dlt_project.slug}/": {},
        f"/th/workspace/projects/{dlt_project.slug}/updates/new/": {},
        f"/th/workspace/updates/{draft.pk}/": {},
        f"/th/workspace/updates/{submitted.pk}/": {},
        "/th/workspace/proposals/new/": {
            "outsider": 200,
            "editor": 403,
            "superuser": 403,
        },
        f"/th/workspace/proposals/{proposal.pk}/": {},
    }
    for url, others in table.items():
        response = client.get(url)
        if user is None:
            assert login_redirect(response, url), url
        else:
            members = {"reporter": 200, "colleague": 200, "lead": 200}
            assert response.status_code == {**NOBODY, **members, **others}[name], url


@pytest.mark.parametrize("name", ACTORS)
def test_who_sees_the_edit_form(client, actor, records, name):
    """Author and lead get the form; a colleague, and all on submitted ones, read."""
    if actor(name) is None:
        return
    form = {"reporter": True, "lead": True, "colleague": False}
    for record in (records["draft"], records["proposal"]):
        kind = "updates" if isinstance(record, ProjectUpdate) else "proposals"
        response = client.get(f"/en/workspace/{kind}/{record.pk}/")
        if name in form:
            assert ('name="title_th"' in response.content.decode()) == form[name]
    if name in form:
        html = client.get(f"/en/workspace/updates/{records['submitted'].pk}/").content
        assert b'name="title_th"' not in html


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("anonymous", 302),
        ("reporter", 302),
        ("colleague", 302),
        ("lead", 302),
        ("outsider", 404),
        ("editor", 404),
        ("superuser", 404),
    ],
)
def test_create_update(client, actor, dlt_project, name, status):
    """Members of the project's agency report on it; nobody else creates anything."""
    user = actor(name)
    response = client.post(
        f"/th/workspace/projects/{dlt_project.slug}/updates/new/", update_data()
    )
    assert response.status_code == status
    created = ProjectUpdate.objects.first()
    if name in ("reporter", "colleague", "lead"):
        assert created.author == user
    else:
        assert created is None


@pytest.mark.parametrize(
    ("name", "status", "saved"),
    [
        ("anonymous", 302, False),
        ("reporter", 302, True),
        ("colleague", 403, False),
        ("lead", 302, True),
        ("outsider", 404, False),
        ("editor", 404, False),
        ("superuser", 404, False),
    ],
)
def test_edit_and_submit_a_draft(client, actor, records, name, status, saved):
    """Only the author and the agency lead can change or submit a reporter's draft."""
    actor(name)
    draft = records["draft"]
    data = update_data(version=str(draft.version), title_th="แก้ไขโดยผู้อื่น")
    assert client.post(f"/th/workspace/updates/{draft.pk}/", data).status_code == status
    draft.refresh_from_db()
    assert (draft.title_th == "แก้ไขโดยผู้อื่น") == saved
    response = client.post(
        f"/th/workspace/updates/{draft.pk}/submit/", {"version": draft.version}
    )
    assert response.status_code == status
    draft.refresh_from_db()
    assert (draft.status == ReviewStatus.SUBMITTED) == saved


@pytest.mark.parametrize("name", ["reporter", "colleague", "lead"])
def test_submitted_update_cannot_be_changed_by_anyone_of_the_agency(
    client, actor, records, name
):
    """Once submitted, neither the author nor the lead can edit or resubmit it."""
    actor(name)
    submitted = records["submitted"]
    data = update_data(version=str(submitted.version))
    assert (
        client.post(f"/th/workspace/updates/{submitted.pk}/", data).status_code == 403
    )
    response = client.post(
        f"/th/workspace/updates/{submitted.pk}/submit/", {"version": submitted.version}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("name", "edit", "submit"),
    [
        ("anonymous", 302, 302),
        ("reporter", 302, 403),
        ("colleague", 403, 403),
        ("lead", 302, 302),
        ("outsider", 404, 404),
        ("editor", 404, 404),
        ("superuser", 404, 404),
    ],
)
def test_edit_and_submit_a_proposal(client, actor, records, name, edit, submit):
    """A reporter edits their own proposal but only the lead submits it."""
    user = actor(name)
    proposal = records["proposal"]
    data = proposal_data(version=str(proposal.version), title_th="ข้อเสนอที่แก้ไขแล้ว")
    assert (
        client.post(f"/th/workspace/proposals/{proposal.pk}/", data).status_code == edit
    )
    proposal.refresh_from_db()
    response = client.post(
        f"/th/workspace/proposals/{proposal.pk}/submit/", {"version": proposal.version}
    )
    assert response.status_code == submit
    proposal.refresh_from_db()
    assert (proposal.status == ReviewStatus.SUBMITTED) == (name == "lead")
    assert (proposal.title_th == "ข้อเสนอที่แก้ไขแล้ว") == (user is not None and edit == 302)


@pytest.mark.parametrize(
    ("name", "draft", "held", "public", "unpublished"),
    [
        ("anonymous", 302, 302, 200, 302),
        ("reporter", 200, 200, 200, 200),
        ("colleague", 200, 404, 200, 200),
        ("lead", 200, 404, 200, 200),
        ("outsider", 404, 404, 200, 404),
        ("editor", 200, 200, 200, 200),
        ("superuser", 200, 200, 200, 200),
    ],
)
def test_attachment_downloads(
    client,
    actor,
    reporter,
    make_update,
    make_project,
    dlt,
    name,
    draft,
    held,
    public,
    unpublished,
):
    """Approved-and-published attachments are public; others go to members and staff."""
    hidden_project = make_project(lead_agency=dlt, is_published=False)
    attachments = {
        "draft": attachment_for(reporter, make_update(author=reporter)),
        "held": attachment_for(reporter),
        "public": attachment_for(
            reporter, make_update(author=reporter, status=ReviewStatus.APPROVED)
        ),
        "unpublished": attachment_for(
            reporter,
            make_update(
                author=reporter, project=hidden_project, status=ReviewStatus.APPROVED
            ),
        ),
    }
    actor(name)
    wanted = {
        "draft": draft,
        "held": held,
        "public": public,
        "unpublished": unpublished,
    }
    for key, attachment in attachments.items():
        response = client.get(f"/en/workspace/attachments/{attachment.pk}/")
        assert response.status_code == wanted[key], key


def test_tampered_agency_id_is_refused(client, reporter, rid, dlt_project):
    """Posting another agency's id as the reporting agency creates nothing."""
    client.force_login(reporter)
    response = client.post(
        f"/en/workspace/projects/{dlt_project.slug}/updates/new/",
        update_data(agency=str(rid.pk), reported_on="21/02/2025"),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ProjectUpdate.objects.exists()


def test_other_agencys_project_is_not_found(client, reporter, rid_project):
    """A DLT reporter cannot even open the form for RID's project, let alone post it."""
    client.force_login(reporter)
    url = f"/th/workspace/projects/{rid_project.slug}/updates/new/"
    assert client.get(url).status_code == 404
    assert client.post(url, update_data()).status_code == 404
    assert not ProjectUpdate.objects.exists()


def test_held_attachment_of_someone_else_is_refused(
    client, reporter, colleague, dlt_project
):
    """A held upload of a colleague cannot be claimed by posting its id."""
    theirs = attachment_for(colleague)
    client.force_login(reporter)
    response = client.post(
        f"/en/workspace/projects/{dlt_project.slug}/updates/new/",
        update_data(held=[str(theirs.pk)], reported_on="21/02/2025"),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.update is None and theirs.uploaded_by == colleague
    assert not ProjectUpdate.objects.exists()


def test_attached_file_of_another_update_cannot_be_claimed_or_removed(
    client, reporter, outsider, make_update, rid, rid_project, records
):
    """Ids of another agency's attachments, as held or removed, are refused."""
    other_update = make_update(author=outsider, project=rid_project, agency=rid)
    other = attachment_for(outsider, other_update)
    draft = records["draft"]
    client.force_login(reporter)
    for field in ("held", "remove"):
        data = update_data(version=str(draft.version), **{field: [str(other.pk)]})
        response = client.post(f"/th/workspace/updates/{draft.pk}/", data)
        assert response.status_code == 200, field
        other.refresh_from_db()
        assert other.update == other_update
    draft.refresh_from_db()
    assert draft.version == 1


def test_link_ids_are_not_taken_from_the_form(
    client, reporter, outsider, make_update, rid, rid_project, records
):
    """A posted link id does not reach another update's link: links are replaced."""
    other_update = make_update(author=outsider, project=rid_project, agency=rid)
    other_link = UpdateLink.objects.create(update=other_update, url="https://rid.go.th")
    draft = records["draft"]
    client.force_login(reporter)
    data = update_data(
        version=str(draft.version), links=[("https://www.dlt.go.th", "ขบ.")]
    )
    data["links-0-id"] = str(other_link.pk)
    data["links-0-update"] = str(draft.pk)
    assert client.post(f"/th/workspace/updates/{draft.pk}/", data).status_code == 302
    other_link.refresh_from_db()
    assert (other_link.update, other_link.url) == (other_update, "https://rid.go.th")
    assert [link.url for link in draft.links.all()] == ["https://www.dlt.go.th"]


def test_tampered_proposal_agency_is_refused(client, outsider, dlt):
    """A RID lead cannot propose a project in DLT's name."""
    client.force_login(outsider)
    response = client.post(
        "/en/workspace/proposals/new/",
        proposal_data(agency=str(dlt.pk), start_date="", end_date=""),
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not ProjectProposal.objects.exists()


def test_update_of_another_agency_cannot_be_submitted_by_id(client, outsider, records):
    """Changing the id in the submit address finds nothing of another agency."""
    client.force_login(outsider)
    draft = records["draft"]
    response = client.post(
        f"/th/workspace/updates/{draft.pk}/submit/", {"version": draft.version}
    )
    assert response.status_code == 404
    draft.refresh_from_db()
    assert draft.status == ReviewStatus.DRAFT and draft.submitted_at is None


def test_inactive_member_has_no_rights(client, reporter, dlt_project):
    """A deactivated account keeps its membership row but loses every right."""
    reporter.is_active = False
    reporter.save(update_fields=["is_active"])
    client.force_login(reporter)
    response = client.get(f"/th/workspace/projects/{dlt_project.slug}/")
    assert response.status_code in (302, 404)


def test_dates_are_stored_in_ce(records):
    """(fixture sanity) the draft's reporting date is a CE date."""
    assert records["draft"].reported_on == datetime.date(2025, 2, 21)
