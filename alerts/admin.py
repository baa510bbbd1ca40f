"""Alert subscriptions for staff: how many, for which lists; never whose address.

Read only, with no export: the addresses are personal data that staff do not
need. Each shows as s***@example.com. Only a superuser may find a subscription
by its exact address and delete it (a subscriber's request to be forgotten).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from alerts.models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = (
        "masked_email",
        "filters_display",
        "language",
        "status",
        "created_at",
        "confirmed_at",
        "last_digest_at",
    )
    list_filter = ("status", "language")
    date_hierarchy = "created_at"
    # Exact match only ("=" is iexact): a partial search would let someone
    # recover addresses letter by letter.
    search_fields = ("=email",)
    search_help_text = _("Find a subscription by its exact email address.")
    # The address and the key (from which links are signed) are left out.
    fields = (
        "masked_email",
        "filters_display",
        "language",
        "status",
        "created_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
        "last_digest_at",
    )
    readonly_fields = fields
    actions = None

    @admin.display(description=_("email address"))
    def masked_email(self, subscription: Subscription) -> str:
        return subscription.masked_email

    @admin.display(description=_("filters"))
    def filters_display(self, subscription: Subscription) -> str:
        filters = subscription.filters or {}
        return ", ".join(f"{name}={value}" for name, value in filters.items()) or _(
            "(all projects)"
        )

    def get_search_fields(self, request):
        # Whether an address is subscribed is itself personal data.
        return self.search_fields if request.user.is_superuser else ()

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser
