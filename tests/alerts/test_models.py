"""The subscription record: one live subscription per address and list, masked."""

import pytest
from django.db import IntegrityError

from alerts.models import Status, Subscription
from alerts.tokens import new_key

pytestmark = pytest.mark.django_db


def test_masked_email_shows_first_letter_and_domain(make_subscription):
    """Staff see s***@example.com, never the whole address."""
    subscription = make_subscription(email="somchai@example.co.th")
    assert subscription.masked_email == "s***@example.co.th"
    assert str(subscription) == "s***@example.co.th"


def test_erased_address_is_shown_as_erased(make_subscription):
    """An unsubscribed record has no address left to mask."""
    subscription = make_subscription(email="", status=Status.UNSUBSCRIBED)
    assert "@" not in subscription.masked_email


def test_database_refuses_a_second_live_subscription(make_subscription):
    """Two pending/confirmed rows for one address and list cannot exist."""
    make_subscription(filters={"stage": "pilot"})
    with pytest.raises(IntegrityError):
        Subscription.objects.create(
            email="somchai.jaidee@example.co.th",
            filters={"stage": "pilot"},
            status=Status.PENDING,
            key=new_key(),
        )


def test_live_subscription_needs_an_address(db):
    """Only an unsubscribed record may have its address erased."""
    with pytest.raises(IntegrityError):
        Subscription.objects.create(email="", status=Status.CONFIRMED, key=new_key())
