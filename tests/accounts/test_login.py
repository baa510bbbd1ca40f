import pytest

from tests.accounts.helpers import PASSWORD, signed_in_user_id

pytestmark = pytest.mark.django_db


def test_thai_sign_in_page_speaks_thai(client):
    """The Thai sign-in page labels its fields in Thai and links to password reset."""
    response = client.get("/th/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="th">' in html
    assert "ชื่อผู้ใช้" in html and "รหัสผ่าน" in html
    assert 'href="/th/accounts/password/reset/"' in html


def test_english_sign_in_page_speaks_english(client):
    """The English sign-in page labels its fields in English."""
    html = client.get("/en/accounts/login/").content.decode()
    assert '<html lang="en">' in html
    assert '<label for="id_username">Username:</label>' in html
    assert 'href="/en/accounts/password/reset/"' in html


@pytest.mark.parametrize("lang", ["th", "en"])
def test_sign_in_goes_to_the_workspace(client, sign_in, reporter, lang):
    """The right username and password sign the account in and open its workspace."""
    response = sign_in("somsri", PASSWORD, lang=lang)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/workspace/"
    assert signed_in_user_id(client) == reporter.pk


def test_sign_in_returns_to_the_page_asked_for(client, reporter):
    """A sign-in that started from a protected page goes back to it."""
    response = client.post(
        "/th/accounts/login/?next=/th/accounts/password/change/",
        {"username": "somsri", "password": PASSWORD},
    )
    assert response["Location"] == "/th/accounts/password/change/"


def test_sign_in_refuses_to_send_the_user_to_another_site(client, reporter):
    """A `next` that points off-site is ignored."""
    response = client.post(
        "/th/accounts/login/?next=https://evil.example/",
        {"username": "somsri", "password": PASSWORD},
    )
    assert response["Location"] == "/th/workspace/"


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("th", "และรหัสผ่านที่ถูกต้อง"),
        ("en", "Please enter a correct username and password."),
    ],
)
def test_wrong_password_is_refused_with_a_message(
    client, sign_in, reporter, lang, message
):
    """A wrong password shows the form again with an error, in the page's language."""
    response = sign_in("somsri", "not-the-password", lang=lang)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert signed_in_user_id(client) is None


def test_inactive_account_cannot_sign_in(client, sign_in, reporter):
    """An account that OPDC staff deactivated is refused even with its password."""
    reporter.is_active = False
    reporter.save(update_fields=["is_active"])
    response = sign_in("somsri", PASSWORD)
    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_header_offers_sign_in_to_visitors(client):
    """Every page's header has a sign-in link for a visitor."""
    html = client.get("/en/projects/").content.decode()
    assert '<a href="/en/accounts/login/">Sign in</a>' in html
    assert "Sign out" not in html


def test_header_offers_workspace_and_sign_out_to_a_signed_in_account(client, reporter):
    """Signed in, the header links to the workspace and signs out with a POST form."""
    client.force_login(reporter)
    html = client.get("/en/projects/").content.decode()
    assert '<a href="/en/workspace/">Workspace</a>' in html
    assert '<form method="post" action="/en/accounts/logout/">' in html
    assert ">Sign in</a>" not in html


@pytest.mark.parametrize("lang", ["th", "en"])
def test_sign_out_ends_the_session_and_goes_home(client, reporter, lang):
    """Signing out (a POST) ends the session and returns to the home page."""
    client.force_login(reporter)
    response = client.post(f"/{lang}/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/"
    assert signed_in_user_id(client) is None


def test_sign_out_by_get_is_refused(client, reporter):
    """A link or image cannot sign someone out: GET is not allowed."""
    client.force_login(reporter)
    assert client.get("/th/accounts/logout/").status_code == 405
    assert signed_in_user_id(client) == reporter.pk
