"""Writes of alerts: subscribe, confirm, unsubscribe, forget unconfirmed addresses."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from alerts.emails import confirmation_send
from alerts.models import ACTIVE_STATUSES, Status, Subscription
from alerts.tokens import confirm_max_age, new_key

RATE_WINDOW = datetime.timedelta(hours=1)


def confirmations_per_address() -> int:
    """How many confirmation emails one address may receive an hour."""
    return getattr(settings, "ALERTS_CONFIRMATIONS_PER_ADDRESS_PER_HOUR", 5)


def subscribes_per_client() -> int:
    """How many subscribe requests one network address may make an hour."""
    return getattr(settings, "ALERTS_SUBSCRIBES_PER_CLIENT_PER_HOUR", 20)


def subscription_request(
    *, email: str, filters: dict[str, str], language: str
) -> Subscription | None:
    """Start or repeat a subscription and email its confirmation link, if allowed.

    The visitor sees the same page whatever happens here, so the form tells no
    one whether an address is subscribed. A confirmed subscription gets nothing;
    a pending one gets its link again at most once an hour, and an address gets
    at most confirmations_per_address() an hour: the form cannot flood an inbox.

    The email goes out inside the transaction: if the mail server refuses it,
    nothing is recorded and the visitor can simply try again.
    """
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        subscription = _active(email=email, filters=filters)
        if subscription is not None and not _may_resend(subscription, now=now):
            return subscription
        if _confirmations_sent(email=email, since=now - RATE_WINDOW) >= (
            confirmations_per_address()
        ):
            return subscription
        if subscription is None:
            subscription = _subscription_new(
                email=email, filters=filters, language=language
            )
        subscription.language = language
        subscription.confirmation_sent_at = now
        subscription.save(update_fields=["language", "confirmation_sent_at"])
        confirmation_send(subscription=subscription)
    return subscription


def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """Start the digests; confirming twice changes nothing."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status == Status.PENDING:
            subscription.status = Status.CONFIRMED
            subscription.confirmed_at = timezone.now()
            subscription.save(update_fields=["status", "confirmed_at"])
    return subscription


def subscription_unsubscribe(*, subscription: Subscription) -> Subscription:
    """Stop the digests and erase the address: nothing is kept to send to."""
    with transaction.atomic():
        subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
        if subscription.status != Status.UNSUBSCRIBED:
            subscription.status = Status.UNSUBSCRIBED
            subscription.email = ""
            subscription.unsubscribed_at = timezone.now()
            subscription.save(update_fields=["status", "email", "unsubscribed_at"])
    return subscription


def subscriptions_forget_unconfirmed(*, now: datetime.datetime) -> int:
    """Delete subscriptions never confirmed while their link was valid.

    An address that did not confirm did not agree to be kept.
    """
    cutoff = now - confirm_max_age()
    expired = Subscription.objects.filter(status=Status.PENDING).filter(
        Q(confirmation_sent_at__lt=cutoff)
        | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    deleted, _by_model = expired.delete()
    return deleted


def subscribe_allowed(*, client: str) -> bool:
    """Count a subscribe request from a network address; False past the limit.

    Kept in the cache, not the database: the network address is personal data
    and is needed only for the hour. The key is a keyed hash of it.
    """
    key = "alerts:subscribe:" + salted_hmac("alerts.subscribe", client).hexdigest()
    seconds = int(RATE_WINDOW.total_seconds())
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:
        # Expired between add() and incr().
        cache.set(key, 1, timeout=seconds)
        count = 1
    return count <= subscribes_per_client()


def _active(*, email: str, filters: dict[str, str]) -> Subscription | None:
    return (
        Subscription.objects.select_for_update()
        .filter(email=email, filters=filters, status__in=ACTIVE_STATUSES)
        .first()
    )


def _may_resend(subscription: Subscription, *, now: datetime.datetime) -> bool:
    sent = subscription.confirmation_sent_at
    return subscription.status == Status.PENDING and (
        sent is None or sent <= now - RATE_WINDOW
    )


def _confirmations_sent(*, email: str, since: datetime.datetime) -> int:
    # A pending subscription is emailed at most once per window, so counting the
    # ones emailed since the window began counts the emails.
    return Subscription.objects.filter(
        email=email, status=Status.PENDING, confirmation_sent_at__gt=since
    ).count()


def _subscription_new(
    *, email: str, filters: dict[str, str], language: str
) -> Subscription:
    subscription = Subscription(
        email=email, filters=filters, language=language, key=new_key()
    )
    subscription.full_clean()
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:
        # The same request arrived twice at once: the other one created it.
        subscription = _active(email=email, filters=filters)
        if subscription is None:
            raise
    return subscription
