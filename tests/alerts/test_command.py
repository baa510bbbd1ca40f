"""manage.py send_alert_digests: the daily cron job."""

import datetime
import io
import smtplib

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from alerts.models import Status, Subscription
from tests.alerts.conftest import ADDRESS

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("send_alert_digests", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def changed_list(make_project, make_subscription):
    """A confirmed subscriber to the agency track and a project added since."""
    subscription = make_subscription(
        filters={"track": "agency"},
        confirmed_at=timezone.now() - datetime.timedelta(days=1),
    )
    make_project(title_th="ระบบจองคิวทำใบขับขี่ออนไลน์")
    return subscription


def test_command_sends_and_reports_counts_without_addresses(changed_list):
    """The output names subscriptions by id, never by address."""
    output = run()
    assert f"Sent subscription {changed_list.pk}: 1 new, 0 updated" in output
    assert "1 digest(s) sent" in output
    assert ADDRESS not in output
    assert len(mail.outbox) == 1


def test_dry_run_sends_nothing(changed_list):
    """--dry-run says what it would send and sends nothing."""
    output = run("--dry-run")
    assert f"Would send subscription {changed_list.pk}" in output
    assert mail.outbox == []
    assert Subscription.objects.get().last_digest_at is None


def test_failures_make_the_command_fail(changed_list, monkeypatch):
    """A refused digest gives a non-zero exit, so cron reports it."""

    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({})

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    with pytest.raises(CommandError, match="1 digest"):
        run()


def test_unconfirmed_subscriptions_are_deleted_once_their_link_expired(
    make_subscription, settings
):
    """An address that never confirmed is not kept past its link's life."""
    settings.ALERTS_CONFIRM_MAX_AGE_DAYS = 7
    now = timezone.now()
    make_subscription(
        email="expired@example.com",
        status=Status.PENDING,
        confirmation_sent_at=now - datetime.timedelta(days=8),
    )
    recent = make_subscription(
        email="recent@example.com",
        status=Status.PENDING,
        confirmation_sent_at=now - datetime.timedelta(days=6),
    )
    confirmed = make_subscription(
        email="old@example.com", confirmation_sent_at=now - datetime.timedelta(days=90)
    )
    run("--dry-run")
    assert Subscription.objects.count() == 3
    output = run()
    assert "1 unconfirmed subscription(s) deleted" in output
    assert set(Subscription.objects.all()) == {recent, confirmed}
