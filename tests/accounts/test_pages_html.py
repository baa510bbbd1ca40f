import pytest
from axes.models import AccessAttempt

from tests.test_pages_html import check_accessible_structure, parse

pytestmark = pytest.mark.django_db


def check(response):
    html = response.content.decode()
    check_accessible_structure(parse(html), html)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_sign_in_and_reset_pages_are_valid_accessible_html(client, lang):
    """The visitor's account pages parse without error and label every control."""
    for path in ("login/", "password/reset/", "password/reset/sent/", "reset/done/"):
        response = client.get(f"/{lang}/accounts/{path}")
        assert response.status_code == 200, path
        check(response)
    check(client.get(f"/{lang}/accounts/reset/MQ/bad-token/"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_with_errors_are_valid_accessible_html(client, reporter, lang):
    """Forms showing their errors stay valid HTML with one h1."""
    check(client.post(f"/{lang}/accounts/login/", {"username": "somsri"}))
    client.force_login(reporter)
    check(client.get(f"/{lang}/accounts/password/change/"))
    check(client.post(f"/{lang}/accounts/password/change/", {"old_password": "x"}))
    check(client.get(f"/{lang}/accounts/password/change/done/"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_lockout_page_is_valid_accessible_html(client, reporter, lang):
    """The lockout page is a whole, valid page."""
    for n in range(5):
        response = client.post(
            f"/{lang}/accounts/login/", {"username": "somsri", "password": f"x{n}"}
        )
    assert AccessAttempt.objects.exists()
    assert response.status_code == 429
    check(response)
