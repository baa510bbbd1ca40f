"""OPDC's review of agency submissions: queue, diff and decisions (see review_admin)."""

from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy

from updates import review
from updates.models import (
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
    UpdateLink,
)
from updates.review_admin import KEPT_ON_RESTORE, SubmissionAdmin
from updates.review_diff import proposal_diff, update_diff


class ReadOnlyInline(admin.TabularInline):
    """What the agency attached, shown to whoever may see the update."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("updates.view_projectupdate") or (
            review.can_review(user=request.user, model=ProjectUpdate)
        )


class UpdateLinkInline(ReadOnlyInline):
    model = UpdateLink
    fields = readonly_fields = ("url", "label")


class UpdateAttachmentInline(ReadOnlyInline):
    model = UpdateAttachment
    fields = readonly_fields = ("download", "kind", "content_type", "file_size")

    @admin.display(description=gettext_lazy("file"))
    def download(self, obj):
        url = reverse("workspace:attachment", kwargs={"pk": obj.pk})
        return format_html('<a href="{}">{}</a>', url, obj.original_name)

    @admin.display(description=gettext_lazy("size"))
    def file_size(self, obj):
        return filesizeformat(obj.size)


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(SubmissionAdmin):
    list_display = (
        "title",
        "project",
        "agency",
        "reporting_date",
        "proposed_stage",
        "submitted",
        "status",
    )
    list_select_related = ("project", "agency")
    search_fields = (
        "title_th",
        "title_en",
        "project__title_th",
        "project__title_en",
        "agency__name_th",
        "agency__name_en",
    )
    inlines = (UpdateLinkInline, UpdateAttachmentInline)
    fieldsets = (
        (
            gettext_lazy("Progress update"),
            {
                "fields": (
                    "project",
                    "agency",
                    "author",
                    "reporting_date",
                    "title",
                    "body",
                )
            },
        ),
        (
            gettext_lazy("Proposed stage change"),
            {"fields": ("proposed_stage", "stage_change_reason", "lessons_learned")},
        ),
        (
            gettext_lazy("Review"),
            {"fields": ("status", "submitted", "reviewed", "reviewed_by")},
        ),
        (gettext_lazy("Reason given to the agency"), {"fields": ("return_reason",)}),
    )
    decisions = {
        "approve": review.update_approve,
        "return": review.update_return,
        "reject": review.update_reject,
    }
    record_argument = "update"

    def diff(self, obj):
        return update_diff(update=obj)

    readonly_fields = ("reporting_date", "submitted", "reviewed")

    def get_view_on_site_url(self, obj=None):
        # The admin's default would open the agency workspace, closed to OPDC staff.
        if obj and obj.status == ReviewStatus.APPROVED and obj.project.is_published:
            return obj.project.get_absolute_url()
        return None

    @admin.display(description=gettext_lazy("reporting date"), ordering="reported_on")
    def reporting_date(self, obj):
        return self._local(obj.reported_on)


@admin.register(ProjectProposal)
class ProjectProposalAdmin(SubmissionAdmin):
    list_display = ("title", "agency", "track", "fiscal_year", "submitted", "status")
    list_select_related = ("agency",)
    search_fields = ("title_th", "title_en", "agency__name_th", "agency__name_en")
    fieldsets = (
        (
            gettext_lazy("Project proposal"),
            {"fields": ("agency", "author", "title", "summary", "description")},
        ),
        (
            gettext_lazy("Track and dates"),
            {
                "fields": (
                    "track",
                    "issue_area",
                    "fiscal_year",
                    "starts",
                    "ends",
                )
            },
        ),
        (
            gettext_lazy("Review"),
            {
                "fields": (
                    "status",
                    "submitted",
                    "reviewed",
                    "reviewed_by",
                    "project",
                )
            },
        ),
        (gettext_lazy("Reason given to the agency"), {"fields": ("return_reason",)}),
    )
    decisions = {
        "approve": review.proposal_approve,
        "return": review.proposal_return,
        "reject": review.proposal_reject,
    }
    record_argument = "proposal"
    kept_on_restore = (*KEPT_ON_RESTORE, "project_id")

    readonly_fields = ("starts", "ends", "submitted", "reviewed")

    def diff(self, obj):
        return proposal_diff(proposal=obj)

    @admin.display(description=gettext_lazy("start date"))
    def starts(self, obj):
        return self._local(obj.start_date)

    @admin.display(description=gettext_lazy("end date"))
    def ends(self, obj):
        return self._local(obj.end_date)
