import unicodedata

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts.models import AgencyAccount


def _same_email(first: str, second: str) -> bool:
    def normal(value: str) -> str:
        return unicodedata.normalize("NFKC", value).casefold()

    return normal(first) == normal(second)


class AgencyAccountForm(forms.ModelForm):
    """What OPDC staff may set on an agency account: nothing about staff rights."""

    class Meta:
        model = AgencyAccount
        fields = ("username", "first_name", "last_name", "email", "is_active")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.required = True
        email.help_text = _(
            "The set-password link and all notices go to this address; one account "
            "per address."
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        # A reset link goes to every account with the address: keep one per address.
        others = get_user_model()._default_manager.exclude(pk=self.instance.pk)
        if others.filter(email__iexact=email).exists():
            raise ValidationError(
                _("Another account already uses this email address."), code="unique"
            )
        return email


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, but it also reaches accounts that have never set a password.

    New agency accounts have no usable password until the holder follows the link
    in the invitation; one whose link expired asks for a new one here.
    """

    def get_users(self, email):
        user_model = get_user_model()
        email_field = user_model.get_email_field_name()
        users = user_model._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        return (
            user for user in users if _same_email(email, getattr(user, email_field))
        )
