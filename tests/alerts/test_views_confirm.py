"""Confirming a subscription from the emailed link: a button, then a POST."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from alerts.models import Status, Subscription
from alerts.tokens import confirm_token, unsubscribe_token
from tests.alerts.conftest import tampered

pytestmark = pytest.mark.django_db


def confirm_path(message):
    url = re.search(r"https://govlab\.example(/\w\w/alerts/confirm/\S+/)", message.body)
    return url.group(1)


@pytest.fixture
def pending(client, make_issue_area):
    """A Thai subscription to the land services list, as the form leaves it."""
    make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    client.post(
        "/th/alerts/subscribe/",
        {"email": "malee@example.com", "issue": "land-services"},
    )
    return Subscription.objects.get()


def test_link_from_the_email_confirms_after_the_button(client, pending):
    """GET shows a button and changes nothing; POST confirms."""
    path = confirm_path(mail.outbox[0])
    page = client.get(path)
    assert page.status_code == 200
    assert "การให้บริการด้านที่ดิน" in page.content.decode()
    assert f'action="{path}"' in page.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    response = client.post(path)
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Status.CONFIRMED
    assert pending.confirmed_at is not None
    assert f'action="{path}"' not in client.get(path).content.decode()


def test_confirmed_page_says_the_alert_is_on_in_english(client, pending):
    """Once confirmed, the link shows the alert is on, in the page's language."""
    token = confirm_token(pending.key)
    client.post(f"/en/alerts/confirm/{token}/")
    html = client.get(f"/en/alerts/confirm/{token}/").content.decode()
    assert "Your alert is on" in html
    assert "Land services" in html
    assert "malee@example.com" not in html


def test_confirming_twice_keeps_the_first_moment(client, pending):
    """A second POST (a double click) changes nothing."""
    path = f"/th/alerts/confirm/{confirm_token(pending.key)}/"
    client.post(path)
    first = Subscription.objects.get().confirmed_at
    client.post(path)
    assert Subscription.objects.get().confirmed_at == first


def test_expired_link_does_not_confirm(client, pending, settings, monkeypatch):
    """A confirmation link older than the allowed days is refused."""
    settings.ALERTS_CONFIRM_MAX_AGE_DAYS = 7
    eight_days_ago = timezone.now() - datetime.timedelta(days=8)
    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(int(eight_days_ago.timestamp())),
    )
    token = confirm_token(pending.key)
    monkeypatch.undo()
    response = client.post(f"/en/alerts/confirm/{token}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert Subscription.objects.get().status == Status.PENDING


@pytest.mark.parametrize("kind", ["tampered", "unsubscribe", "garbage"])
def test_forged_links_do_not_confirm(client, pending, kind):
    """Only the confirmation token signed for this subscription confirms it."""
    token = {
        "tampered": tampered(confirm_token(pending.key)),
        "unsubscribe": unsubscribe_token(pending.key),
        "garbage": "%27%20OR%201%3D1",
    }[kind]
    response = client.post(f"/th/alerts/confirm/{token}/")
    assert response.status_code == 404
    assert Subscription.objects.get().status == Status.PENDING


def test_link_of_a_cancelled_subscription_does_not_work(client, pending):
    """After unsubscribing, the old confirmation link cannot restart the alert."""
    client.post(f"/th/alerts/unsubscribe/{unsubscribe_token(pending.key)}/")
    response = client.post(f"/th/alerts/confirm/{confirm_token(pending.key)}/")
    assert response.status_code == 404
    assert Subscription.objects.get().status == Status.UNSUBSCRIBED
