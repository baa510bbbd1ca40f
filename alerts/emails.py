"""The emails of alerts: the confirmation and the digest, in the subscriber's language.

Every one carries a one-click unsubscribe link in its text and in the RFC 8058
headers, so a mail program can offer "Unsubscribe" and POST to it without the
reader opening the site. (Mail providers honour the headers only on signed mail:
the sending domain needs DKIM.)
"""

from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from alerts.models import Subscription
from alerts.selectors import (
    Digest,
    filters_describe,
    filters_terms,
    translated_text,
)
from alerts.tokens import confirm_max_age, confirm_token, unsubscribe_token
from projects.models import Project

_TEMPLATES = "alerts/emails"


def confirmation_send(*, subscription: Subscription) -> None:
    """Ask the subscriber to confirm; the link expires (ALERTS_CONFIRM_MAX_AGE_DAYS)."""
    with translation.override(subscription.language):
        context = {
            "terms": filters_terms(filters=subscription.filters),
            "confirm_url": _site(
                reverse(
                    "alerts:confirm",
                    kwargs={"token": confirm_token(subscription.key)},
                )
            ),
            "valid_days": confirm_max_age().days,
        }
        message = _message(subscription, "confirmation", context)
    message.send()


def digest_message(*, digest: Digest) -> mail.EmailMessage:
    """The digest email, not yet sent."""
    subscription = digest.subscription
    with translation.override(subscription.language):
        context = {
            "digest": digest,
            "terms": filters_describe(filterset=digest.filterset),
            "new": [_project_line(project) for project in digest.new],
            "updated": [_project_line(project) for project in digest.updated],
            "more_new": digest.new_count - len(digest.new),
            "more_updated": digest.updated_count - len(digest.updated),
        }
        return _message(subscription, "digest", context)


def unsubscribe_url(subscription: Subscription) -> str:
    """The one-click unsubscribe address, in the subscriber's language."""
    with translation.override(subscription.language):
        path = reverse(
            "alerts:unsubscribe", kwargs={"token": unsubscribe_token(subscription.key)}
        )
    return _site(path)


def list_url(subscription: Subscription) -> str:
    """The filtered project list the subscription follows."""
    with translation.override(subscription.language):
        path = reverse("projects:project-list")
    query = urlencode(subscription.filters)
    return _site(f"{path}?{query}" if query else path)


def _message(
    subscription: Subscription, template: str, context: dict
) -> mail.EmailMessage:
    """Rendered in the active language, which the caller sets."""
    unsubscribe = unsubscribe_url(subscription)
    context = {
        **context,
        "subscription": subscription,
        "list_url": list_url(subscription),
        "unsubscribe_url": unsubscribe,
    }
    subject = render_to_string(f"{_TEMPLATES}/{template}_subject.txt", context)
    body = render_to_string(f"{_TEMPLATES}/{template}.txt", context).strip() + "\n"
    return mail.EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def _project_line(project: Project) -> dict:
    return {
        "title": translated_text(project, "title"),
        "url": _site(project.get_absolute_url()),
    }


def _site(path: str) -> str:
    return f"{settings.SITE_URL}{path}"
