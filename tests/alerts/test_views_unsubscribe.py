"""One-click unsubscribe (RFC 8058) from every email, without signing in."""

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Status, Subscription
from alerts.tokens import confirm_token, unsubscribe_token
from tests.alerts.conftest import ADDRESS, tampered

pytestmark = pytest.mark.django_db


def header_path(message):
    value = message.extra_headers["List-Unsubscribe"]
    assert value.startswith("<https://govlab.example/") and value.endswith(">")
    return value[1:-1].removeprefix("https://govlab.example")


def test_confirmation_email_carries_the_one_click_headers(client):
    """The confirmation email has List-Unsubscribe and List-Unsubscribe-Post."""
    client.post("/en/alerts/subscribe/", {"email": ADDRESS, "track": "agency"})
    [message] = mail.outbox
    headers = message.message()
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = header_path(message)
    assert path.startswith("/en/alerts/unsubscribe/")
    assert f"https://govlab.example{path}" in message.body


def test_mail_program_post_unsubscribes_without_csrf_or_login(client):
    """A POST of List-Unsubscribe=One-Click to the header's address unsubscribes."""
    client.post("/th/alerts/subscribe/", {"email": ADDRESS, "stage": "pilot"})
    path = header_path(mail.outbox[0])
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        path,
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.status == Status.UNSUBSCRIBED
    assert subscription.unsubscribed_at is not None


def test_unsubscribing_erases_the_address(make_subscription, client):
    """Nothing is kept to send to once a subscriber leaves."""
    subscription = make_subscription(filters={"track": "agency"})
    client.post(f"/th/alerts/unsubscribe/{unsubscribe_token(subscription.key)}/")
    subscription.refresh_from_db()
    assert subscription.email == ""
    assert subscription.filters == {"track": "agency"}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_get_shows_a_button_and_changes_nothing(make_subscription, client, lang):
    """A link scanner opening the link does not unsubscribe anyone."""
    subscription = make_subscription(filters={"fiscal_year": "2563"})
    path = f"/{lang}/alerts/unsubscribe/{unsubscribe_token(subscription.key)}/"
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<form method="post" action="{path}">' in html
    assert ADDRESS not in html
    assert Subscription.objects.get().status == Status.CONFIRMED


def test_after_unsubscribing_the_page_says_so(make_subscription, client):
    """Opening the link again says the alert is stopped, with no button."""
    subscription = make_subscription()
    path = f"/en/alerts/unsubscribe/{unsubscribe_token(subscription.key)}/"
    client.post(path)
    html = client.get(path).content.decode()
    assert "You are unsubscribed" in html
    assert f'action="{path}"' not in html


def test_the_same_address_can_subscribe_again_later(make_subscription, client):
    """A cancelled subscription does not block a new one for the same list."""
    subscription = make_subscription(filters={"track": "agency"})
    client.post(f"/th/alerts/unsubscribe/{unsubscribe_token(subscription.key)}/")
    client.post("/th/alerts/subscribe/", {"email": ADDRESS, "track": "agency"})
    statuses = sorted(Subscription.objects.values_list("status", flat=True))
    assert statuses == [Status.PENDING, Status.UNSUBSCRIBED]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("method", ["get", "post"])
def test_forged_unsubscribe_links_do_nothing(make_subscription, client, method):
    """A confirmation token or a tampered one cannot unsubscribe."""
    subscription = make_subscription()
    for token in (
        confirm_token(subscription.key),
        tampered(unsubscribe_token(subscription.key)),
        subscription.key,
    ):
        response = getattr(client, method)(f"/th/alerts/unsubscribe/{token}/")
        assert response.status_code == 404
    assert Subscription.objects.get().status == Status.CONFIRMED
