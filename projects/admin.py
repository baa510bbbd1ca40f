from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_css_class

from govlab.admin import (
    OptimisticLockAdminMixin,
    RegistryAdmin,
    TranslatedVersionAdmin,
    VersionedAdminForm,
    set_published,
)
from govlab.dates import format_date
from projects.admin_filters import FreshnessFilter
from projects.freshness import with_last_reported
from projects.models import IssueArea, Project, StageChange
from projects.resources import ProjectResource
from projects.services import StageNote, project_save, stage_change_errors


def _tabbed_text(label, name, *, rows=3):
    """A text box grouped in the Thai/English tabs with the model's own fields."""
    css = f"vLargeTextField mt {build_css_class(name, 'mt-field')}"
    if name.endswith("_th"):
        css += " mt-default"
    return forms.CharField(
        label=label,
        required=False,
        widget=forms.Textarea(attrs={"rows": rows, "class": css}),
    )


class ProjectAdminForm(VersionedAdminForm):
    """The project form; a new stage asks why, and for closing stages, lessons."""

    stage_reason_th = _tabbed_text(_("Reason for the stage change"), "stage_reason_th")
    stage_reason_en = _tabbed_text(_("Reason for the stage change"), "stage_reason_en")
    stage_lessons_th = _tabbed_text(_("Lessons learned"), "stage_lessons_th", rows=5)
    stage_lessons_en = _tabbed_text(_("Lessons learned"), "stage_lessons_en", rows=5)

    # StageChange field -> the box of this form that holds it in Thai.
    NOTE_FIELDS = {"reason": "stage_reason_th", "lessons_learned": "stage_lessons_th"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stored_stage = self.instance.stage if self.instance.pk else None

    def clean(self):
        cleaned_data = super().clean()
        if self.stage_changes():
            errors = stage_change_errors(
                to_stage=cleaned_data["stage"],
                reason_th=cleaned_data.get("stage_reason_th", ""),
                lessons_th=cleaned_data.get("stage_lessons_th", ""),
            )
            for name, message in errors.items():
                self.add_error(self.NOTE_FIELDS.get(name, "stage"), message)
        return cleaned_data

    def stage_changes(self) -> bool:
        stage = self.cleaned_data.get("stage")
        return self.stored_stage is not None and stage not in (None, self.stored_stage)

    def stage_note(self) -> StageNote | None:
        if not self.stage_changes():
            return None
        data = self.cleaned_data
        return StageNote(
            reason_th=data["stage_reason_th"],
            reason_en=data["stage_reason_en"],
            lessons_th=data["stage_lessons_th"],
            lessons_en=data["stage_lessons_en"],
        )


class StageChangeInline(admin.TabularInline):
    """The project's stage changes, read-only: they are a record of what happened."""

    model = StageChange
    fk_name = "project"
    fields = (
        "changed_at",
        "from_stage",
        "to_stage",
        "reason",
        "lessons_learned",
        "changed_by",
        "update",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by", "update")

    def has_view_permission(self, request, obj=None):
        # Whoever may see the project sees how it got to its stage.
        return request.user.has_perm("projects.view_project") or (
            request.user.has_perm("projects.change_project")
        )

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(IssueArea)
class IssueAreaAdmin(TranslatedVersionAdmin):
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
class ProjectAdmin(OptimisticLockAdminMixin, RegistryAdmin):
    form = ProjectAdminForm
    inlines = (StageChangeInline,)
    resource_classes = (ProjectResource,)
    # A revert is saved against the live stage, so moving back asks for a reason.
    live_fields = ("version", "stage")
    list_display = (
        "title",
        "track",
        "issue_area",
        "lead_agency",
        "fiscal_year",
        "stage",
        "is_published",
        "last_reported",
        "updated_at",
    )
    list_filter = (
        "track",
        "stage",
        "fiscal_year",
        "issue_area",
        "is_published",
        FreshnessFilter,
    )
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

    def get_queryset(self, request):
        return with_last_reported(super().get_queryset(request))

    def get_inlines(self, request, obj):
        # A project being added has no stage changes yet.
        return self.inlines if obj is not None else ()

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is None:
            return fieldsets
        progress = next(
            index
            for index, (_name, options) in enumerate(fieldsets)
            if "stage" in options["fields"]
        )
        note = (
            _("Stage change"),
            {
                "description": _(
                    "Only when you change the stage: the reason, in Thai at least, "
                    "and for scaling up, adopted or discontinued the lessons "
                    "learned. Both are shown on the public page."
                ),
                "fields": (
                    "stage_reason_th",
                    "stage_reason_en",
                    "stage_lessons_th",
                    "stage_lessons_en",
                ),
            },
        )
        fieldsets.insert(progress + 1, note)
        return fieldsets

    def save_model(self, request, obj, form, change):
        if not change:
            return super().save_model(request, obj, form, change)
        project_save(
            project=obj,
            read_version=form.cleaned_data["read_version"],
            user=request.user,
            stage_note=form.stage_note(),
        )

    @admin.display(description=_("last reported"), ordering="last_reported_on")
    def last_reported(self, obj):
        if obj.last_reported_on is None:
            return self.get_empty_value_display()
        return format_date(obj.last_reported_on)

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
        count = set_published(queryset=queryset, published=published, user=request.user)
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
