"""Agency accounts as OPDC staff manage them: no staff or superuser fields."""

import logging
import smtplib
from functools import partial

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.forms import AgencyAccountForm
from accounts.models import AgencyAccount, Membership
from accounts.services import account_invite

logger = logging.getLogger(__name__)

# Staff and superusers are managed only in the user admin, which editors cannot open:
# an editor who could edit them here could take one over through its email address.
AGENCY_ACCOUNTS = Q(is_staff=False, is_superuser=False)


def invite_problem(user) -> str | None:
    """Send the set-password email; say why it was not sent, or None if it was."""
    try:
        account_invite(user=user)
    except ValidationError as error:
        return " ".join(error.messages)
    except (smtplib.SMTPException, OSError):
        logger.exception("Set-password email to account %s failed", user.pk)
        return _(
            "the mail server did not take it. Try again later with the action "
            "“Send the set-password email again”."
        )
    return None


def report_invite(request, user) -> None:
    problem = invite_problem(user)
    if problem:
        messages.warning(request, not_sent_message(user, problem))
    else:
        messages.success(
            request,
            _("A set-password email went to %(email)s.") % {"email": user.email},
        )


def not_sent_message(user, problem: str) -> str:
    return _("No set-password email went to %(account)s: %(reason)s") % {
        "account": user.get_username(),
        "reason": problem,
    }


class MembershipInline(admin.TabularInline):
    model = Membership
    fields = ("agency", "role")
    autocomplete_fields = ("agency",)
    extra = 1


@admin.register(AgencyAccount)
class AgencyAccountAdmin(admin.ModelAdmin):
    form = AgencyAccountForm
    inlines = (MembershipInline,)
    list_display = (
        "username",
        "full_name",
        "email",
        "agency_names",
        "is_active",
        "has_password",
        "last_login",
    )
    list_filter = ("is_active", "memberships__role")
    search_fields = (
        "username",
        "first_name",
        "last_name",
        "email",
        "memberships__agency__name_th",
        "memberships__agency__name_en",
        "memberships__agency__short_name_th",
        "memberships__agency__short_name_en",
    )
    ordering = ("username",)
    readonly_fields = ("last_login", "date_joined")
    actions = ("send_set_password_email",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(AGENCY_ACCOUNTS)
            .prefetch_related("memberships__agency")
        )

    def get_fieldsets(self, request, obj=None):
        account = (
            None,
            {"fields": ("username", "first_name", "last_name", "email", "is_active")},
        )
        if obj is None:
            return (account,)
        return (account, (_("Sign-in"), {"fields": ("last_login", "date_joined")}))

    def save_model(self, request, obj, form, change):
        if not change:
            # Nobody but the holder knows the password: they choose it by the link.
            obj.set_unusable_password()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change:
            # After the commit, so no email names an account that was rolled back.
            transaction.on_commit(partial(report_invite, request, form.instance))

    @admin.display(description=_("name"))
    def full_name(self, obj):
        return obj.get_full_name()

    @admin.display(description=_("agencies"))
    def agency_names(self, obj):
        return ", ".join(str(membership.agency) for membership in obj.memberships.all())

    @admin.display(description=_("password set"), boolean=True)
    def has_password(self, obj):
        return obj.has_usable_password()

    @admin.action(
        description=_("Send the set-password email again"), permissions=["change"]
    )
    def send_set_password_email(self, request, queryset):
        sent = 0
        for user in queryset:
            problem = invite_problem(user)
            if problem:
                messages.warning(request, not_sent_message(user, problem))
            else:
                sent += 1
        if sent:
            messages.success(
                request,
                ngettext(
                    "%(count)d set-password email sent.",
                    "%(count)d set-password emails sent.",
                    sent,
                )
                % {"count": sent},
            )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role", "created_at")
    list_filter = ("role", ("agency", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("user", "agency")
    search_fields = (
        "user__username",
        "user__first_name",
        "user__last_name",
        "user__email",
        "agency__name_th",
        "agency__name_en",
        "agency__short_name_th",
        "agency__short_name_en",
    )
    ordering = ("agency__name_th", "user__username")
    fields = ("user", "agency", "role")
    autocomplete_fields = ("agency",)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = (
                get_user_model()
                ._default_manager.filter(AGENCY_ACCOUNTS)
                .order_by("username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
