"""Staff sign in to the admin with a code from an authenticator app when required."""

import html

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.helpers import PASSWORD, signed_in_user_id

pytestmark = pytest.mark.django_db

LOGIN = "/en/admin/login/?next=/en/admin/"


@pytest.fixture
def two_factor(settings):
    settings.OTP_REQUIRED_FOR_STAFF = True


def code_of(device, *, steps_ahead=0):
    """The code the authenticator app shows now (or that many steps later)."""
    token = totp(
        device.bin_key, device.step, device.t0, device.digits, drift=steps_ahead
    )
    return f"{token:0{device.digits}d}"


def wrong_code_for(device):
    """A code the device would refuse: none of the ones it accepts around now."""
    accepted = {code_of(device, steps_ahead=step) for step in (-1, 0, 1)}
    candidates = ("000000", "111111", "222222", "333333")
    return next(code for code in candidates if code not in accepted)


def admin_sign_in(client, username, code=None, **extra):
    data = {"username": username, "password": PASSWORD, **extra}
    if code is not None:
        data["otp_token"] = code
    return client.post(LOGIN, data)


def page_text(response):
    return html.unescape(response.content.decode())


def test_without_the_setting_staff_sign_in_with_a_password(client, editor):
    """The default: the admin asks for username and password only, as before."""
    login_page = client.get(LOGIN)
    assert "otp_token" not in login_page.content.decode()
    response = admin_sign_in(client, "somchai")
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_login_page_asks_for_the_code(client, two_factor):
    """With the setting on, the admin's login page has a field for the code."""
    text = page_text(client.get(LOGIN))
    assert 'name="otp_token"' in text
    assert 'autocomplete="one-time-code"' in text
    assert "Code from your authenticator app" in text


def test_staff_without_an_authenticator_are_told_how_to_get_one(
    client, editor, two_factor
):
    """A right password but no device: refused, with who sets one up and where."""
    response = admin_sign_in(client, "somchai", code="123456")
    assert response.status_code == 200
    text = page_text(response)
    assert "your account has none set up yet" in text
    assert "Ask an OPDC administrator" in text
    assert "TOTP devices" in text
    assert signed_in_user_id(client) is None


def test_the_message_is_in_thai_on_thai_pages(client, editor, two_factor):
    """Thai staff read the same instructions in Thai."""
    response = client.post(
        "/th/admin/login/", {"username": "somchai", "password": PASSWORD}
    )
    assert "ผู้ดูแลระบบของสำนักงาน ก.พ.ร." in page_text(response)


def test_a_correct_code_lets_staff_in(client, editor, two_factor):
    """Password and the authenticator's current code: into the admin."""
    device = TOTPDevice.objects.create(user=editor, name="phone")
    response = admin_sign_in(client, "somchai", code=code_of(device))
    assert response.status_code == 302
    assert response["Location"] == "/en/admin/"
    assert client.get("/en/admin/").status_code == 200
    assert client.get("/en/admin/projects/project/").status_code == 200


def test_a_wrong_code_keeps_staff_out(client, editor, two_factor):
    """A wrong code: the form again with the reason, and no way into the admin."""
    device = TOTPDevice.objects.create(user=editor, name="phone")
    response = admin_sign_in(client, "somchai", code=wrong_code_for(device))
    assert response.status_code == 200
    assert "That code is not right or has expired" in page_text(response)
    assert signed_in_user_id(client) is None
    assert client.get("/en/admin/").status_code == 302


def test_a_missing_code_is_asked_for(client, editor, two_factor):
    """The password alone is not enough."""
    TOTPDevice.objects.create(user=editor, name="phone")
    response = admin_sign_in(client, "somchai")
    assert "Enter the code your authenticator app shows." in page_text(response)
    assert signed_in_user_id(client) is None


def test_a_code_cannot_be_used_twice(client, editor, two_factor):
    """A code seen over someone's shoulder is worthless once it has been used."""
    device = TOTPDevice.objects.create(user=editor, name="phone")
    code = code_of(device)
    assert admin_sign_in(client, "somchai", code=code).status_code == 302
    client.logout()
    assert admin_sign_in(client, "somchai", code=code).status_code == 200
    assert signed_in_user_id(client) is None


def test_a_session_without_a_code_is_refused_the_admin(client, editor, two_factor):
    """Staff signed in elsewhere (the workspace's login) must still give a code."""
    client.force_login(editor)
    response = client.get("/en/admin/projects/project/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    text = page_text(client.get(response["Location"]))
    assert "needs a code from your authenticator app as well" in text


def test_staff_with_several_authenticators_choose_one(client, editor, two_factor):
    """With two devices the form asks which one, then accepts that one's code."""
    TOTPDevice.objects.create(user=editor, name="phone")
    tablet = TOTPDevice.objects.create(user=editor, name="tablet")
    first = admin_sign_in(client, "somchai", code=code_of(tablet))
    assert first.status_code == 200
    assert "Choose the authenticator you are using." in page_text(first)
    assert 'name="otp_device"' in page_text(first)
    response = admin_sign_in(
        client, "somchai", code=code_of(tablet), otp_device=tablet.persistent_id
    )
    assert response.status_code == 302
    assert client.get("/en/admin/").status_code == 200


def test_agency_staff_sign_in_to_the_workspace_as_before(
    client, reporter, two_factor, sign_in
):
    """Agency accounts (not staff) need no code for the workspace."""
    response = sign_in("somsri", PASSWORD)
    assert response.status_code == 302
    assert client.get("/th/workspace/").status_code == 200


def test_the_password_is_not_written_back_into_the_page(client, editor, two_factor):
    """After a wrong code the form is shown again without the password in it."""
    device = TOTPDevice.objects.create(user=editor, name="phone")
    response = admin_sign_in(client, "somchai", code=wrong_code_for(device))
    assert PASSWORD not in page_text(response)
