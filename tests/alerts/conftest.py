"""Fixtures for alerts: a site address for links, a clean rate-limit cache, and
subscriptions in any state."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from alerts.models import Status, Subscription
from alerts.tokens import new_key

SITE_URL = "https://govlab.example"
ADDRESS = "somchai.jaidee@example.co.th"


def tampered(token: str) -> str:
    """The token with its last character changed."""
    return token[:-1] + ("A" if token[-1] != "A" else "B")


@pytest.fixture(autouse=True)
def alert_settings(settings):
    settings.SITE_URL = SITE_URL
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # The per-network limit lives in the cache, which outlives a test.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_subscription(db):
    """A subscription; confirmed a day ago unless status= says otherwise."""

    def make(*, filters=None, status=Status.CONFIRMED, **fields):
        now = timezone.now()
        values = {
            "email": ADDRESS,
            "filters": filters or {},
            "language": "th",
            "status": status,
            "key": new_key(),
            "confirmation_sent_at": now - datetime.timedelta(days=1),
        }
        if status == Status.CONFIRMED:
            values["confirmed_at"] = now - datetime.timedelta(days=1)
        values.update(fields)
        return Subscription.objects.create(**values)

    return make
