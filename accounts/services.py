"""Writes and messages about agency accounts."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

INVITE_SUBJECT_TEMPLATE = "registration/account_invite_subject.txt"
INVITE_BODY_TEMPLATE = "registration/account_invite_email.txt"
# Thai first: most account holders read Thai; English follows for the rest.
INVITE_LANGUAGES = ("th", "en")
SECONDS_PER_DAY = 24 * 60 * 60


def _invite_context(*, user: AbstractBaseUser, uid: str, token: str) -> dict:
    """Links for the active language, so each half of the email opens in its own."""
    confirm = reverse(
        "accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )
    return {
        "user": user,
        "memberships": list(user.memberships.select_related("agency")),
        "set_password_url": settings.SITE_URL + confirm,
        "password_reset_url": settings.SITE_URL + reverse("accounts:password_reset"),
        "login_url": settings.SITE_URL + reverse("accounts:login"),
        "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // SECONDS_PER_DAY, 1),
    }


def account_invite(*, user: AbstractBaseUser) -> None:
    """Email the holder of an account a link to choose a password, in Thai then English.

    The link is Django's password reset link: it works once, until the password
    changes or PASSWORD_RESET_TIMEOUT passes.
    """
    if not user.email:
        raise ValidationError(
            {"email": _("The account has no email address to send the link to.")}
        )
    if not user.is_active:
        raise ValidationError(_("The account is inactive: activate it first."))
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    subjects, bodies = [], []
    for language in INVITE_LANGUAGES:
        with translation.override(language):
            context = _invite_context(user=user, uid=uid, token=token)
            subject = render_to_string(INVITE_SUBJECT_TEMPLATE, context)
            subjects.append(" ".join(subject.split()))
            bodies.append(render_to_string(INVITE_BODY_TEMPLATE, context).strip())
    send_mail(
        subject=" / ".join(subjects),
        message="\n\n----------\n\n".join(bodies) + "\n",
        from_email=None,
        recipient_list=[user.email],
    )
