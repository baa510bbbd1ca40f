"""Digest emails: what changed in each confirmed subscription's list. Run daily.

Each subscription's watermark (last_digest_at, or confirmed_at before the first
digest) moves to the moment the run began only once its email is out, so a
digest that failed to send is sent, with everything since, on the next run; and
a project saved while the run is going is in the next digest, not lost between
two. Not one transaction: an email cannot be unsent.
"""

import contextlib
import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from django.core import mail

from alerts.emails import digest_message
from alerts.models import Status, Subscription
from alerts.selectors import Digest, FiltersNoLongerValid, digest_get, subscriptions_due
from alerts.services import subscriptions_forget_unconfirmed

logger = logging.getLogger(__name__)


@dataclass
class DigestRun:
    """What a run sent (on a dry run, would send) and what it skipped."""

    now: datetime.datetime
    sent: list[Digest] = field(default_factory=list)
    failed: list[Digest] = field(default_factory=list)
    invalid: list[Subscription] = field(default_factory=list)
    quiet: int = 0
    forgotten: int = 0


def digests_send(*, now: datetime.datetime, dry_run: bool = False) -> DigestRun:
    """Email each confirmed subscription whose list changed; a dry run only reports.

    Also deletes the subscriptions never confirmed (not on a dry run).
    """
    run = DigestRun(now=now)
    if not dry_run:
        run.forgotten = subscriptions_forget_unconfirmed(now=now)
    digests = _digests_due(run)
    if dry_run:
        run.sent = digests
    elif digests:
        _deliver(run, digests)
    return run


def _digests_due(run: DigestRun) -> list[Digest]:
    digests = []
    for subscription in subscriptions_due():
        try:
            digest = digest_get(subscription=subscription, until=run.now)
        except FiltersNoLongerValid:
            run.invalid.append(subscription)
            continue
        if digest.is_empty:
            run.quiet += 1
        else:
            digests.append(digest)
    return digests


def _deliver(run: DigestRun, digests: list[Digest]) -> None:
    connection = mail.get_connection()
    # One connection for the run; if it cannot be opened now, each send tries
    # again by itself and reports its own failure.
    with contextlib.suppress(smtplib.SMTPException, OSError):
        connection.open()
    try:
        for digest in digests:
            if _deliver_one(digest, connection):
                run.sent.append(digest)
            else:
                run.failed.append(digest)
    finally:
        connection.close()


def _deliver_one(digest: Digest, connection) -> bool:
    message = digest_message(digest=digest)
    message.connection = connection
    try:
        message.send()
    except (smtplib.SMTPException, OSError):
        logger.exception(
            "Alert digest for subscription %s not sent", digest.subscription.pk
        )
        return False
    # Only a subscription still confirmed: it may have been cancelled meanwhile.
    Subscription.objects.filter(
        pk=digest.subscription.pk, status=Status.CONFIRMED
    ).update(last_digest_at=digest.until)
    return True
