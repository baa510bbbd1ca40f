"""The review machinery of the submission admins: queue, diff, decisions, restore.

A reviewer never edits what an agency wrote, and nothing here but the review
services (updates.review) changes a submission's status: the forms are read-only,
and restoring an earlier version brings back the text, never a review decision.
"""

import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from reversion.admin import VersionAdmin

from govlab.admin import TranslatedVersionAdmin
from govlab.concurrency import EditConflict
from govlab.dates import format_date
from updates import review
from updates.models import (
    ReviewStatus,
)

# Submit buttons of the change page, by the decision they make.
DECISION_BUTTONS = {"_approve": "approve", "_return": "return", "_reject": "reject"}
DECISION_STATUS = {
    "approve": ReviewStatus.APPROVED,
    "return": ReviewStatus.RETURNED,
    "reject": ReviewStatus.REJECTED,
}
# What a restored version must not bring back: the review and the edit lock.
KEPT_ON_RESTORE = (
    "status",
    "return_reason",
    "submitted_at",
    "reviewed_at",
    "reviewed_by_id",
    "version",
)


class ReviewReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        help_text=gettext_lazy("Shown to the agency."),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={
            "required": gettext_lazy("Give the agency the reason: it is shown to them.")
        },
    )


class ReviewStatusFilter(admin.SimpleListFilter):
    """The review queue by default: what awaits review, every status a click away."""

    title = gettext_lazy("status")
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*ReviewStatus.choices, (self.ALL, gettext_lazy("All"))]

    def choices(self, changelist):
        current = self.value() or ReviewStatus.SUBMITTED
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value}
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or ReviewStatus.SUBMITTED
        return queryset if value == self.ALL else queryset.filter(status=value)


class SubmissionAdmin(TranslatedVersionAdmin):
    """What the update and proposal admins share: the queue and the decisions."""

    change_form_template = "admin/updates/submission_change_form.html"
    list_filter = (ReviewStatusFilter, "agency")
    ordering = ("submitted_at", "pk")
    actions = ("approve_selected", "return_selected", "reject_selected")
    # Set by subclasses: the review services and the keyword naming the record.
    decisions: dict = {}
    record_argument = ""
    kept_on_restore = KEPT_ON_RESTORE

    def has_add_permission(self, request):
        # Agencies write these in their workspace; OPDC only reviews them.
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or (
            self.has_review_permission(request)
        )

    def has_review_permission(self, request):
        return review.can_review(user=request.user, model=self.model)

    def get_readonly_fields(self, request, obj=None):
        names = [field.name for field in self.model._meta.fields]
        return self.replace_orig_field([*names, *self.readonly_fields])

    # Dates as the page's language counts years: Buddhist Era on Thai pages.

    @admin.display(description=gettext_lazy("submitted"), ordering="submitted_at")
    def submitted(self, obj):
        return self._local(obj.submitted_at)

    @admin.display(description=gettext_lazy("reviewed"))
    def reviewed(self, obj):
        return self._local(obj.reviewed_at)

    def _local(self, value):
        if value is None:
            return self.get_empty_value_display()
        if isinstance(value, datetime.datetime):
            local = timezone.localtime(value)
            return f"{format_date(local.date())} {local:%H:%M}"
        return format_date(value)

    # The decision, from the change page.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        decision = next(
            (d for key, d in DECISION_BUTTONS.items() if key in request.POST), None
        )
        if request.method == "POST" and decision:
            # Not inside VersionAdmin's revision: the service records its own.
            return self.review_view(request, object_id, decision)
        return super().change_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None:
            reviewable = obj.status == ReviewStatus.SUBMITTED
            context.update(
                reviewable=reviewable,
                can_review=reviewable and self.has_review_permission(request),
                diff=self.diff(obj) if reviewable else None,
            )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def review_view(self, request, object_id, decision):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_review_permission(request):
            raise PermissionDenied
        if request.POST.get("review_version") != str(obj.version):
            self.message_user(
                request,
                _("It changed since you opened it: check it again before deciding."),
                messages.ERROR,
            )
            return redirect(request.path)
        try:
            self.decide(obj, decision, request, request.POST.get("review_reason", ""))
        except (ValidationError, EditConflict, PermissionDenied) as error:
            self.message_user(request, _error_text(error), messages.ERROR)
            return redirect(request.path)
        self.message_user(
            request,
            _("%(record)s: %(status)s.")
            % {"record": obj, "status": obj.get_status_display()},
            messages.SUCCESS,
        )
        return redirect(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"
        )

    def decide(self, obj, decision, request, reason=""):
        arguments = {self.record_argument: obj, "reviewer": request.user}
        if decision != "approve":
            arguments["reason"] = reason
        self.decisions[decision](**arguments)

    # The decision, in bulk from the changelist.

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and request.POST.get("action") in self.actions:
            # Each decision is its own transaction and revision, so one refused
            # record neither undoes the others nor leaves a trace in their history.
            context = {"has_change_permission": self.has_change_permission(request)}
            return super(VersionAdmin, self).changelist_view(
                request, {**context, **(extra_context or {})}
            )
        return super().changelist_view(request, extra_context)

    @admin.action(
        description=gettext_lazy("Approve and publish the selected"),
        permissions=["review"],
    )
    def approve_selected(self, request, queryset):
        self._decide_many(request, queryset, "approve")

    @admin.action(
        description=gettext_lazy("Return the selected to their agency, with a reason"),
        permissions=["review"],
    )
    def return_selected(self, request, queryset):
        return self._with_reason(request, queryset, "return")

    @admin.action(
        description=gettext_lazy("Reject the selected, with a reason"),
        permissions=["review"],
    )
    def reject_selected(self, request, queryset):
        return self._with_reason(request, queryset, "reject")

    def _with_reason(self, request, queryset, decision):
        """Ask once for the reason shown to every agency concerned, then decide."""
        form = ReviewReasonForm(request.POST if "confirm" in request.POST else None)
        if form.is_valid():
            self._decide_many(request, queryset, decision, form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Return to the agency") if decision == "return" else _("Reject"),
            "opts": self.opts,
            "decision": decision,
            "records": queryset,
            "form": form,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/updates/review_reason.html", context)

    def _decide_many(self, request, queryset, decision, reason=""):
        done, refused = 0, []
        for obj in queryset:
            try:
                self.decide(obj, decision, request, reason)
            except (ValidationError, EditConflict) as error:
                refused.append(f"{obj}: {_error_text(error)}")
            else:
                done += 1
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d record is now: %(status)s.",
                    "%(count)d records are now: %(status)s.",
                    done,
                )
                % {"count": done, "status": DECISION_STATUS[decision].label},
                messages.SUCCESS,
            )
        for refusal in refused:
            self.message_user(request, refusal, messages.ERROR)

    # Restoring an earlier version.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        request.kept_on_restore = (
            self.model.objects.filter(pk=unquote(object_id))
            .values(*self.kept_on_restore)
            .first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        kept = getattr(request, "kept_on_restore", None)
        if kept:
            for name, value in kept.items():
                setattr(obj, name, value)
            # A form opened before the restore must now be refused.
            obj.version = kept["version"] + 1
        super().save_model(request, obj, form, change)


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)
