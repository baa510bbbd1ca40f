from django.contrib import admin, messages
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from projects.models import IssueArea, Project


@admin.register(IssueArea)
class IssueAreaAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug", "project_count")
    search_fields = ("name_th", "name_en", "slug")
    ordering = ("name_th",)
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = ((None, {"fields": ("name", "slug", "description")}),)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(project_total=Count("projects"))

    @admin.display(description=_("projects"), ordering="project_total")
    def project_count(self, obj):
        return obj.project_total


@admin.register(Project)
class ProjectAdmin(TabbedTranslationAdmin):
    list_display = (
        "title",
        "track",
        "issue_area",
        "lead_agency",
        "fiscal_year",
        "stage",
        "is_published",
        "updated_at",
    )
    list_filter = ("track", "stage", "fiscal_year", "issue_area", "is_published")
    list_select_related = ("issue_area", "lead_agency")
    search_fields = (
        "title_th",
        "title_en",
        "slug",
        "lead_agency__name_th",
        "lead_agency__name_en",
        "lead_agency__short_name_th",
        "lead_agency__short_name_en",
    )
    ordering = ("-fiscal_year", "title_th")
    autocomplete_fields = (
        "lead_agency",
        "participating_agencies",
        "consultants",
        "origin_event",
    )
    # Thai titles do not slugify; the English title gives a readable slug.
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("created_at", "updated_at")
    actions = ("publish", "unpublish")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "description")}),
        (
            _("Track and agencies"),
            {
                "description": _(
                    "A service-issue track project needs an issue area; an agency "
                    "track project needs a lead agency and has no issue area."
                ),
                "fields": (
                    "track",
                    "issue_area",
                    "lead_agency",
                    "participating_agencies",
                    "consultants",
                ),
            },
        ),
        (
            _("Progress"),
            {"fields": ("fiscal_year", "stage", "start_date", "end_date")},
        ),
        (_("Origin"), {"fields": ("origin_event",)}),
        (_("Publication"), {"fields": ("is_published",)}),
        (
            _("Record history"),
            {"fields": ("created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    @admin.action(
        description=_("Publish the selected projects"), permissions=["change"]
    )
    def publish(self, request, queryset):
        self._set_published(request, queryset, published=True)

    @admin.action(
        description=_("Withdraw the selected projects from the public site"),
        permissions=["change"],
    )
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, published=False)

    def _set_published(self, request, queryset, *, published):
        # update() skips auto_now, so the changelist's "updated" column is set here.
        count = queryset.update(is_published=published, updated_at=timezone.now())
        message = (
            ngettext(
                "%(count)d project is now published.",
                "%(count)d projects are now published.",
                count,
            )
            if published
            else ngettext(
                "%(count)d project is no longer published.",
                "%(count)d projects are no longer published.",
                count,
            )
        )
        self.message_user(request, message % {"count": count}, messages.SUCCESS)
