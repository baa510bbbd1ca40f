import re

import pytest

from tests.accounts.helpers import PASSWORD, signed_in_user_id

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "ทะเลสาบสงขลา-2568"
RESET_LINK = re.compile(r"https?://\S+/accounts/reset/[\w-]+/[\w-]+/")


def reset_link(message):
    (link,) = RESET_LINK.findall(message.body)
    return link


def test_password_change_needs_a_signed_in_account(client):
    """A visitor who opens the password change page is sent to sign in first."""
    response = client.get("/th/accounts/password/change/")
    assert response.status_code == 302
    assert response["Location"] == (
        "/th/accounts/login/?next=/th/accounts/password/change/"
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_password_change_sets_the_new_password(client, reporter, lang):
    """The account holder changes the password; the old one stops working."""
    client.force_login(reporter)
    page = client.get(f"/{lang}/accounts/password/change/")
    assert page.status_code == 200
    response = client.post(
        f"/{lang}/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response["Location"] == f"/{lang}/accounts/password/change/done/"
    assert client.get(response["Location"]).status_code == 200
    reporter.refresh_from_db()
    assert reporter.check_password(NEW_PASSWORD)
    assert signed_in_user_id(client) == reporter.pk


def test_password_change_with_wrong_old_password_lists_the_error(client, reporter):
    """A wrong current password is reported and linked to its field."""
    client.force_login(reporter)
    response = client.post(
        "/en/accounts/password/change/",
        {
            "old_password": "wrong",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_old_password">Old password:' in html
    assert 'aria-invalid="true"' in html
    reporter.refresh_from_db()
    assert reporter.check_password(PASSWORD)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_password_reset_by_emailed_link(client, reporter, mailoutbox, settings, lang):
    """Ask for a reset, follow the emailed link, choose a password, sign in with it."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    response = client.post(
        f"/{lang}/accounts/password/reset/", {"email": "SOMSRI@dlt.go.th"}
    )
    assert response["Location"] == f"/{lang}/accounts/password/reset/sent/"
    assert client.get(response["Location"]).status_code == 200

    (message,) = mailoutbox
    assert message.to == ["somsri@dlt.go.th"]
    assert "สมศรี ใจดี" in message.body
    link = reset_link(message)
    assert link.startswith(f"https://govlab.opdc.go.th/{lang}/accounts/reset/")

    form_page = client.get(link.removeprefix("https://govlab.opdc.go.th"))
    assert form_page.status_code == 302
    set_password_url = form_page["Location"]
    assert set_password_url.endswith("/set-password/")
    assert client.get(set_password_url).status_code == 200
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done["Location"] == f"/{lang}/accounts/reset/done/"
    assert client.get(done["Location"]).status_code == 200
    assert signed_in_user_id(client) is None

    signed_in = client.post(
        f"/{lang}/accounts/login/", {"username": "somsri", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302
    assert signed_in_user_id(client) == reporter.pk


def test_reset_link_works_only_once(client, reporter, mailoutbox):
    """Once the password is set, the same link shows that it no longer works."""
    client.post("/en/accounts/password/reset/", {"email": "somsri@dlt.go.th"})
    path = "/" + reset_link(mailoutbox[0]).split("/", 3)[3]
    set_password_url = client.get(path)["Location"]
    client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    again = client.get(path)
    assert again.status_code == 200
    assert "This link no longer works" in again.content.decode()
    assert 'href="/en/accounts/password/reset/"' in again.content.decode()


def test_reset_for_an_unknown_address_sends_nothing_and_says_the_same(
    client, reporter, mailoutbox
):
    """An unknown address gets the same answer, so nobody can probe for accounts."""
    response = client.post(
        "/th/accounts/password/reset/", {"email": "nobody@example.go.th"}
    )
    assert response["Location"] == "/th/accounts/password/reset/sent/"
    assert mailoutbox == []


def test_reset_reaches_an_account_that_never_set_a_password(
    client, reporter, mailoutbox
):
    """An invited account whose link expired can ask for a new link."""
    reporter.set_unusable_password()
    reporter.save(update_fields=["password"])
    client.post("/th/accounts/password/reset/", {"email": "somsri@dlt.go.th"})
    assert len(mailoutbox) == 1


def test_reset_skips_inactive_accounts(client, reporter, mailoutbox):
    """A deactivated account gets no reset link."""
    reporter.is_active = False
    reporter.save(update_fields=["is_active"])
    client.post("/th/accounts/password/reset/", {"email": "somsri@dlt.go.th"})
    assert mailoutbox == []


def test_reset_email_link_ignores_the_request_host(
    client, reporter, mailoutbox, settings
):
    """A forged Host header cannot point the emailed link at another site."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    client.post(
        "/en/accounts/password/reset/",
        {"email": "somsri@dlt.go.th"},
        HTTP_HOST="localhost",
    )
    assert reset_link(mailoutbox[0]).startswith("https://govlab.opdc.go.th/en/")
