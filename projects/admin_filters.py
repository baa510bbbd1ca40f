"""Admin changelist filters over computed project facts."""

from django.conf import settings
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from projects import freshness


class FreshnessFilter(admin.SimpleListFilter):
    """Published projects whose agency has (or has not) reported recently."""

    title = _("freshness")
    parameter_name = "freshness"

    def lookups(self, request, model_admin):
        days = settings.STALE_AFTER_DAYS
        return (
            (
                "stale",
                ngettext(
                    "Stale: no approved update for more than %(days)d day",
                    "Stale: no approved update for more than %(days)d days",
                    days,
                )
                % {"days": days},
            ),
            (
                "fresh",
                ngettext(
                    "Fresh: reported within %(days)d day",
                    "Fresh: reported within %(days)d days",
                    days,
                )
                % {"days": days},
            ),
        )

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "stale":
            return freshness.filter_stale(queryset, today=today)
        if self.value() == "fresh":
            return freshness.filter_fresh(queryset, today=today)
        return queryset
