import datetime

import pytest
from axes.models import AccessAttempt
from django.db.models import F

from tests.accounts.helpers import PASSWORD, signed_in_user_id

pytestmark = pytest.mark.django_db

LOCKED = 429
ATTACKER = "198.51.100.7"
ELSEWHERE = "203.0.113.20"


def fail_five_times(sign_in, username, **kwargs):
    responses = [sign_in(username, f"guess-{n}", **kwargs) for n in range(5)]
    return responses[-1]


def test_five_failures_lock_the_account_even_against_the_right_password(
    client, sign_in, reporter
):
    """After 5 wrong passwords the 6th attempt, with the right one, is refused."""
    fifth = fail_five_times(sign_in, "somsri", address=ATTACKER)
    assert fifth.status_code == LOCKED
    sixth = sign_in("somsri", PASSWORD, address=ATTACKER)
    assert sixth.status_code == LOCKED
    assert signed_in_user_id(client) is None


def test_four_failures_do_not_lock(client, sign_in, reporter):
    """Below the limit the right password still signs in."""
    for n in range(4):
        assert sign_in("somsri", f"guess-{n}").status_code == 200
    assert sign_in("somsri", PASSWORD).status_code == 302
    assert signed_in_user_id(client) == reporter.pk


def test_locked_account_is_refused_from_another_address(client, sign_in, reporter):
    """Changing address does not get round the lock on the account."""
    fail_five_times(sign_in, "somsri", address=ATTACKER)
    response = sign_in("somsri", PASSWORD, address=ELSEWHERE)
    assert response.status_code == LOCKED
    assert signed_in_user_id(client) is None


def test_locked_address_is_refused_for_another_account(
    client, sign_in, reporter, django_user_model
):
    """Guessing against many accounts from one address locks the address."""
    django_user_model.objects.create_user(username="prasert", password=PASSWORD)
    fail_five_times(sign_in, "somsri", address=ATTACKER)
    response = sign_in("prasert", PASSWORD, address=ATTACKER)
    assert response.status_code == LOCKED
    assert signed_in_user_id(client) is None


def test_lock_ends_after_the_cool_off(client, sign_in, reporter, settings):
    """Once the cool-off has passed since the last attempt, the account signs in."""
    fail_five_times(sign_in, "somsri", address=ATTACKER)
    assert sign_in("somsri", PASSWORD).status_code == LOCKED
    cool_off = settings.AXES_COOLOFF_TIME
    assert cool_off == datetime.timedelta(minutes=15)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - cool_off)
    response = sign_in("somsri", PASSWORD)
    assert response.status_code == 302
    assert signed_in_user_id(client) == reporter.pk


def test_lock_holds_just_before_the_cool_off_ends(client, sign_in, reporter, settings):
    """A minute before the cool-off ends the account is still locked."""
    fail_five_times(sign_in, "somsri")
    shift = settings.AXES_COOLOFF_TIME - datetime.timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - shift)
    assert sign_in("somsri", PASSWORD).status_code == LOCKED


def test_admin_login_locks_too(client, sign_in, editor):
    """The admin's login page counts failures and locks like the agency one."""
    admin_login = "/th/admin/login/"
    fifth = fail_five_times(sign_in, "somchai", path=admin_login)
    assert fifth.status_code == LOCKED
    sixth = sign_in("somchai", PASSWORD, path=admin_login)
    assert sixth.status_code == LOCKED
    assert signed_in_user_id(client) is None


def test_failures_on_the_admin_login_lock_the_agency_login(client, sign_in, editor):
    """Both login pages share one count: the lock follows the account."""
    fail_five_times(sign_in, "somchai", path="/en/admin/login/")
    assert sign_in("somchai", PASSWORD, lang="en").status_code == LOCKED


def test_lockout_page_explains_in_english(sign_in, reporter):
    """The English lockout page says what is locked, for how long, and how to reset."""
    html = fail_five_times(sign_in, "somsri", lang="en").content.decode()
    assert '<html lang="en">' in html
    assert "this account and this address are locked for 15 minutes" in html
    assert 'href="/en/accounts/password/reset/"' in html


def test_lockout_page_is_the_thai_page_on_thai_urls(sign_in, reporter):
    """On a Thai address the lockout page is a Thai page linking to Thai reset."""
    html = fail_five_times(sign_in, "somsri", lang="th").content.decode()
    assert '<html lang="th">' in html
    assert "15" in html
    assert 'href="/th/accounts/password/reset/"' in html
