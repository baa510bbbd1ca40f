"""The tokens in alert emails' links: a subscription's random key, signed.

The key alone (32 random URL-safe characters) is unguessable; the HMAC signature
with SECRET_KEY means a copy of the database is not enough to confirm or cancel
someone's subscription either, and the signer compares signatures in constant
time. Each use has its own salt, so an unsubscribe link cannot confirm.
A confirmation link expires (ALERTS_CONFIRM_MAX_AGE_DAYS); an unsubscribe link
must keep working in every email ever sent, so it never does.
"""

import datetime
import secrets

from django.conf import settings
from django.core import signing

_CONFIRM_SALT = "alerts.subscription.confirm"
_UNSUBSCRIBE_SALT = "alerts.subscription.unsubscribe"
# "." keeps the token free of characters that need escaping in a URL path.
_SEPARATOR = "."


def confirm_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "ALERTS_CONFIRM_MAX_AGE_DAYS", 7))


def new_key() -> str:
    return secrets.token_urlsafe(24)


def confirm_token(key: str) -> str:
    return _confirm_signer().sign(key)


def unsubscribe_token(key: str) -> str:
    return _unsubscribe_signer().sign(key)


def confirm_key(token: str) -> tuple[str | None, bool]:
    """The key a confirmation token was signed over and whether it has expired.

    (None, False) for a token that was not signed by us.
    """
    signer = _confirm_signer()
    try:
        key = signer.unsign(token)
    except signing.BadSignature:
        return None, False
    try:
        signer.unsign(token, max_age=confirm_max_age())
    except signing.SignatureExpired:
        return key, True
    return key, False


def unsubscribe_key(token: str) -> str | None:
    try:
        return _unsubscribe_signer().unsign(token)
    except signing.BadSignature:
        return None


def _confirm_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=_CONFIRM_SALT, sep=_SEPARATOR)


def _unsubscribe_signer() -> signing.Signer:
    return signing.Signer(salt=_UNSUBSCRIBE_SALT, sep=_SEPARATOR)
