"""The admin site: Django's, asking staff for a second factor when the setting says so.

With OTP_REQUIRED_FOR_STAFF on, only staff whose session was verified by a code from
their authenticator app (a django-otp TOTP device) may use the admin; its login page
asks for the code with the password. Staff who have no authenticator yet are told who
sets one up, instead of being left at a form they cannot complete. The setting is read
on each request, so turning it off restores Django's plain admin login.
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import devices_for_user, user_has_device
from django_otp.forms import OTPAuthenticationFormMixin


class StaffTwoFactorLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin's login form with the code from the staff member's authenticator."""

    otp_device = forms.CharField(
        label=_("Authenticator"), required=False, widget=forms.Select
    )
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "aria-describedby": "otp-token-help",
            }
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "no_device": _(
            "Staff must sign in to the admin with a code from an authenticator app, "
            "and your account has none set up yet. Ask an OPDC administrator to add "
            "one for you: in the admin, under TOTP devices, they add a device for "
            "your account and show you its QR code to scan with an authenticator "
            "app (such as Google Authenticator or Microsoft Authenticator)."
        ),
    }
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": _("Enter the code your authenticator app shows."),
        "invalid_token": _(
            "That code is not right or has expired. Enter the code your "
            "authenticator app shows now."
        ),
        "device_required": _("Choose the authenticator you are using."),
        "n_failed_attempts": ngettext_lazy(
            "Too many wrong codes (%(failure_count)d). Wait a moment, then try again.",
            "Too many wrong codes (%(failure_count)d). Wait a moment, then try again.",
            "failure_count",
        ),
        "verification_not_allowed": _(
            "Codes cannot be checked for this account just now. Try again later."
        ),
    }

    def clean(self):
        super().clean()
        user = self.get_user()
        if user is not None and not user_has_device(user):
            raise forms.ValidationError(
                self.error_messages["no_device"], code="no_device"
            )
        self.clean_otp(user)
        return self.cleaned_data

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            # Most staff have one authenticator: use it rather than ask which.
            devices = list(devices_for_user(user, for_verify=True))
            if len(devices) == 1:
                device = devices[0]
        return device

    def _update_form(self, user):
        # Unlike django-otp's, the password is not written back into the page.
        self.fields["otp_device"].widget.choices = self.device_choices(user)

    @property
    def asks_for_device(self) -> bool:
        """Whether the signed-in staff member has several authenticators to pick."""
        return len(self.fields["otp_device"].widget.choices) > 2


class RegistryAdminSite(AdminSite):
    """Django's admin site, with two-factor sign-in for staff when required."""

    @property
    def login_form(self):
        if settings.OTP_REQUIRED_FOR_STAFF:
            return StaffTwoFactorLoginForm
        return None

    @property
    def login_template(self):
        if settings.OTP_REQUIRED_FOR_STAFF:
            return "admin/two_factor_login.html"
        return None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        if not settings.OTP_REQUIRED_FOR_STAFF:
            return True
        # Set by django-otp's middleware: this session was verified by a device.
        is_verified = getattr(request.user, "is_verified", None)
        return bool(is_verified and is_verified())
