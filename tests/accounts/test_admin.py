import re

import pytest
from django.contrib.auth.models import User

from accounts.models import Membership, Role

pytestmark = pytest.mark.django_db

ADD_URL = "/th/admin/accounts/agencyaccount/add/"
LIST_URL = "/th/admin/accounts/agencyaccount/"


def account_form(agency, **fields):
    data = {
        "username": "wanida",
        "first_name": "วนิดา",
        "last_name": "ศรีสุข",
        "email": "wanida@dlt.go.th",
        "is_active": "on",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-agency": str(agency.pk),
        "memberships-0-role": Role.AGENCY_LEAD,
        "_save": "Save",
    }
    data.update(fields)
    return data


@pytest.fixture
def add_account(editor_client, django_capture_on_commit_callbacks):
    """Submit the admin add form; the invitation goes out once the commit is done."""

    def add(data):
        with django_capture_on_commit_callbacks(execute=True):
            return editor_client.post(ADD_URL, data)

    return add


def test_editor_creates_an_account_with_a_membership_and_an_invitation(
    add_account, dlt, mailoutbox, settings
):
    """An editor adds an account: it gets its agency role and a set-password email."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    response = add_account(account_form(dlt))
    assert response.status_code == 302
    account = User.objects.get(username="wanida")
    assert not account.has_usable_password()
    assert not account.is_staff and not account.is_superuser
    membership = Membership.objects.get(user=account)
    assert (membership.agency, membership.role) == (dlt, Role.AGENCY_LEAD)

    (message,) = mailoutbox
    assert message.to == ["wanida@dlt.go.th"]
    assert "วนิดา ศรีสุข" in message.body
    # Thai first, then English: agency names in each half's language.
    assert message.body.index("กรมการขนส่งทางบก") < message.body.index(
        "Department of Land Transport"
    )
    links = re.findall(
        r"https://govlab\.opdc\.go\.th/(th|en)/accounts/reset/", message.body
    )
    assert links == ["th", "en"]


def test_invitation_link_lets_the_holder_choose_a_password(
    client, add_account, dlt, mailoutbox, settings
):
    """The holder follows the invitation link, sets a password and can sign in."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    add_account(account_form(dlt))
    (path,) = re.findall(
        r"https://govlab\.opdc\.go\.th(/th/accounts/reset/\S+/)", mailoutbox[0].body
    )
    client.logout()
    set_password_url = client.get(path)["Location"]
    password = "เชียงใหม่-ลำพูน-2568"
    client.post(
        set_password_url, {"new_password1": password, "new_password2": password}
    )
    account = User.objects.get(username="wanida")
    assert account.check_password(password)


# Committed for real, as in production, so the invitation is sent while the view
# still runs and its message reaches the page; the rollback restores the group.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_success_message_names_the_address(editor_client, dlt, mailoutbox):
    """The editor is told where the invitation went."""
    english_add_url = ADD_URL.replace("/th/", "/en/")
    response = editor_client.post(english_add_url, account_form(dlt), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert "A set-password email went to wanida@dlt.go.th." in messages
    assert len(mailoutbox) == 1


def test_account_needs_an_email_address(add_account, dlt, mailoutbox):
    """An account without an email address cannot be created."""
    response = add_account(account_form(dlt, email=""))
    assert response.status_code == 200
    assert "email" in response.context["adminform"].form.errors
    assert not User.objects.filter(username="wanida").exists()
    assert mailoutbox == []


def test_email_address_is_one_per_account(add_account, dlt, reporter):
    """A second account cannot take an address already in use, whatever its case."""
    response = add_account(account_form(dlt, email="SOMSRI@dlt.go.th"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"]


def test_inactive_new_account_gets_no_invitation(add_account, dlt, mailoutbox):
    """An account created inactive is saved but not invited."""
    data = account_form(dlt)
    del data["is_active"]
    add_account(data)
    assert User.objects.filter(username="wanida", is_active=False).exists()
    assert mailoutbox == []


def test_editor_form_has_no_staff_or_permission_fields(editor_client):
    """The add form offers no staff, superuser, group or permission field."""
    form = editor_client.get(ADD_URL).context["adminform"].form
    assert set(form.fields) == {
        "username",
        "first_name",
        "last_name",
        "email",
        "is_active",
    }


def test_editor_cannot_make_an_account_staff_by_posting_the_fields(add_account, dlt):
    """Staff and superuser flags slipped into the POST are ignored."""
    add_account(account_form(dlt, is_staff="on", is_superuser="on"))
    account = User.objects.get(username="wanida")
    assert not account.is_staff and not account.is_superuser


def test_staff_accounts_are_out_of_the_editors_reach(editor_client, editor, reporter):
    """Staff users do not appear in the agency account list and cannot be opened."""
    listing = editor_client.get(LIST_URL)
    assert list(listing.context["cl"].result_list) == [reporter]
    response = editor_client.get(f"{LIST_URL}{editor.pk}/change/")
    assert response.status_code == 302
    assert response["Location"] == "/th/admin/"


@pytest.mark.parametrize(
    "url",
    ["/th/admin/auth/user/", "/th/admin/auth/user/add/", "/th/admin/auth/group/"],
)
def test_editor_cannot_open_the_user_admin(editor_client, url):
    """The user and group admin stays closed to editors."""
    assert editor_client.get(url).status_code == 403


def test_agency_list_shows_agencies_in_fixed_queries(
    editor_client, make_agency, django_user_model, django_assert_max_num_queries
):
    """The account list costs the same queries for 2 accounts as for 20."""

    def make_accounts(count):
        for n in range(count):
            user = django_user_model.objects.create_user(
                username=f"reporter-{n}-{count}", email=f"r{n}-{count}@example.go.th"
            )
            Membership.objects.create(user=user, agency=make_agency())

    make_accounts(2)
    with django_assert_max_num_queries(12) as few:
        editor_client.get(LIST_URL)
    make_accounts(18)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(LIST_URL)
    assert "กรมทดสอบ" in response.content.decode()


def test_resend_action_sends_the_email_again(editor_client, reporter, mailoutbox):
    """The admin action sends a fresh set-password link to each selected account."""
    response = editor_client.post(
        LIST_URL,
        {"action": "send_set_password_email", "_selected_action": [reporter.pk]},
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.to == ["somsri@dlt.go.th"]
    assert (
        "/th/accounts/reset/" in message.body and "/en/accounts/reset/" in message.body
    )


def test_resend_action_skips_inactive_accounts_with_a_warning(
    editor_client, reporter, mailoutbox
):
    """An inactive account is not sent a link, and the editor is told why."""
    reporter.is_active = False
    reporter.save(update_fields=["is_active"])
    response = editor_client.post(
        LIST_URL,
        {"action": "send_set_password_email", "_selected_action": [reporter.pk]},
        follow=True,
    )
    assert mailoutbox == []
    messages = [str(m) for m in response.context["messages"]]
    assert any("somsri" in message for message in messages)


def test_editor_lists_filters_and_searches_memberships(editor_client, reporter, dlt):
    """The membership list filters by role and agency and finds Thai agency names."""
    base = "/th/admin/accounts/membership/"
    for query in ("", "?role=reporter", f"?agency__id__exact={dlt.pk}", "?q=ขนส่ง"):
        response = editor_client.get(base + query)
        assert response.status_code == 200
        assert [m.user for m in response.context["cl"].result_list] == [reporter]
    empty = editor_client.get(base + "?role=agency-lead")
    assert list(empty.context["cl"].result_list) == []


def test_membership_form_offers_only_agency_accounts(editor_client, editor, reporter):
    """A membership can only be given to an agency account, never a staff user."""
    form = (
        editor_client.get("/th/admin/accounts/membership/add/")
        .context["adminform"]
        .form
    )
    assert list(form.fields["user"].queryset) == [reporter]
