from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from agencies.resources import AgencyResource
from govlab.admin import RegistryAdmin


@admin.register(Agency)
class AgencyAdmin(RegistryAdmin):
    resource_classes = (AgencyResource,)
    list_display = ("name", "short_name", "kind", "parent", "slug", "updated_at")
    list_filter = ("kind",)
    list_select_related = ("parent",)
    # Staff type Thai or English names and abbreviations (ขบ., DLT) alike; the
    # project and event autocompletes search agencies through these fields too.
    search_fields = (
        "name_th",
        "name_en",
        "short_name_th",
        "short_name_en",
        "slug",
    )
    # Thai is the required language, so every agency has a Thai name to sort by.
    ordering = ("name_th",)
    autocomplete_fields = ("parent",)
    # Thai names do not slugify; the English name gives a readable slug.
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "short_name", "slug", "kind", "parent")}),
        (_("Details"), {"fields": ("website", "description")}),
        (
            _("Record history"),
            {"fields": ("created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )
