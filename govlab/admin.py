"""Shared admin pieces: history, optimistic locking, import/export and B.E. dates.

``TranslatedVersionAdmin`` is the base of every admin of a translated, versioned
model (issue areas, progress updates, proposals): reversion's history and restore,
Thai/English tabs, and dates read and shown in Buddhist Era years on Thai pages.
``RegistryAdmin`` adds CSV and Excel import/export (agencies, projects, events).
Models with a ``version`` column add ``OptimisticLockAdminMixin`` in front:

    class ProjectUpdateAdmin(OptimisticLockAdminMixin, TranslatedVersionAdmin): ...

Inlines use ``RegistryInlineMixin`` for the same date fields.
"""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version

from govlab.concurrency import EditConflict, save_versioned
from govlab.forms import LocalDateField, LocalDateInput
from govlab.history import (
    comparable_fields,
    differences,
    normalised,
    register_models,
    revision,
    values_of,
    version_values,
)

# The admins are built while the admin autodiscovers, before the apps' ready():
# register first, or VersionAdmin would register the models without their follows.
register_models()

FORMFIELD_OVERRIDES = {
    # A text box, not the calendar: the calendar writes CE years on Thai pages.
    models.DateField: {"form_class": LocalDateField, "widget": LocalDateInput},
    # Staff paste addresses without a scheme; assume https, Django 6's default.
    models.URLField: {"assume_scheme": "https"},
}


class RegistryInlineMixin:
    """Inline rows read and show dates as the page's language counts years."""

    formfield_overrides = FORMFIELD_OVERRIDES


class HistoryAdminMixin:
    """Reversion's history, newest first, and a comparison on the revert page."""

    history_latest_first = True
    revision_form_template = "admin/govlab/revision_form.html"

    def revision_view(self, request, object_id, version_id, extra_context=None):
        context = {**(extra_context or {})}
        version = Version.objects.filter(pk=version_id).first()
        current = self.model._base_manager.filter(pk=unquote(object_id)).first()
        if version is not None and current is not None:
            fields = comparable_fields(self.model)
            context["version_differences"] = differences(
                fields, values_of(current, fields), version_values(version, fields)
            )
        return super().revision_view(request, object_id, version_id, context)


class TranslatedVersionAdmin(HistoryAdminMixin, VersionAdmin, TabbedTranslationAdmin):
    """History and restore, Thai and English tabs, B.E. dates."""

    formfield_overrides = FORMFIELD_OVERRIDES


class RegistryAdmin(ImportExportMixin, TranslatedVersionAdmin):
    """TranslatedVersionAdmin with CSV and Excel import and export."""

    formats = (CSV, XLSX)
    # A byte-order mark, so that Excel opens the CSV as UTF-8 and shows Thai.
    to_encoding = "utf-8-sig"
    # Lists each rejected row's errors in plain view, not only on hover.
    import_template_name = "admin/govlab/import.html"

    def has_import_permission(self, request):
        # An import both adds and changes records.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def process_result(self, result, request):
        # The confirmed import runs again; if the data changed since the preview
        # and a row fails now, the resource has rolled everything back.
        if result.has_errors() or result.has_validation_errors():
            self.message_user(
                request,
                _(
                    "Nothing was imported: some rows are no longer valid. Import "
                    "the file again to see which."
                ),
                messages.ERROR,
            )
            opts = self.model._meta
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return super().process_result(result, request)


class VersionedAdminForm(forms.ModelForm):
    """A change form that carries the version of the record it was read at."""

    read_version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # On a revert page the row holds the old version while the form is checked:
    # the admin passes the record as it was before, to show what would be undone.
    live_values = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict_differences = []
        if self.instance.pk is not None:
            self.fields["read_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        read_version = cleaned_data.get("read_version")
        if read_version is None:
            raise ValidationError(
                _("This form is out of date: open the record again."),
                code="no_version",
            )
        # The admin locked the row before building this form, so the instance
        # holds what the other editor saved.
        if read_version != self.instance.version:
            self._note_conflict(cleaned_data)
            raise ValidationError(EditConflict.message, code="edit_conflict")
        return cleaned_data

    def _note_conflict(self, cleaned_data):
        model = type(self.instance)
        fields = [f for f in comparable_fields(model) if f.name in cleaned_data]
        theirs = self.live_values or values_of(self.instance, fields)
        yours = {f.name: normalised(f, cleaned_data[f.name]) for f in fields}
        self.conflict_differences = differences(fields, theirs, yours)
        # Having been shown the differences, saving again is a deliberate choice.
        data = self.data.copy()
        data[self.add_prefix("read_version")] = self.instance.version
        self.data = data


class OptimisticLockAdminMixin:
    """For models with a ``version``: a save from a stale form is refused.

    The row is locked while a POST is handled, the form compares the version it
    was read at, and the save goes through save_versioned, related rows after it,
    all in the admin's one transaction.
    """

    form = VersionedAdminForm
    change_form_template = "admin/govlab/change_form.html"
    # Columns that a revert leaves at their live values when saving, so that the
    # save is checked against the record as it is now (see revision_view).
    live_fields = ("version",)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        (name, options), *rest = fieldsets
        first = (name, {**options, "fields": (*options["fields"], "read_version")})
        return [first, *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        live_values = getattr(request, "govlab_live_values", None)
        if live_values is None:
            return form
        return type(form.__name__, (form,), {"live_values": live_values})

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        using = router.db_for_write(self.model)
        if (
            obj is None
            or request.method != "POST"
            or not transaction.get_connection(using).in_atomic_block
        ):
            return obj
        locked = (
            self.model._base_manager.select_for_update()
            .filter(pk=obj.pk)
            .values_list("version", flat=True)
            .get()
        )
        if locked != obj.version:
            obj = super().get_object(request, object_id, from_field)
        return obj

    def save_model(self, request, obj, form, change):
        if change:
            save_versioned(obj, read_version=form.cleaned_data["read_version"])
        else:
            super().save_model(request, obj, form, change)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        try:
            return super().change_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # A save that raced past the form's check (SQLite has no row locks):
            # everything was rolled back.
            self.message_user(request, EditConflict.message, messages.ERROR)
            return HttpResponseRedirect(request.path)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reverting writes the old version number back; keep the live one so
        # that a revert is checked like any save and the number never goes back.
        with transaction.atomic(using=router.db_for_write(self.model)):
            live = (
                self.model._base_manager.select_for_update()
                .filter(pk=unquote(object_id))
                .first()
            )
            if live is not None:
                fields = comparable_fields(self.model)
                request.govlab_live = live
                request.govlab_live_values = values_of(live, fields)
            try:
                return super().revision_view(
                    request, object_id, version_id, extra_context
                )
            except EditConflict:
                self.message_user(request, EditConflict.message, messages.ERROR)
                opts = self.model._meta
                return HttpResponseRedirect(
                    reverse(
                        f"admin:{opts.app_label}_{opts.model_name}_change",
                        args=[object_id],
                    )
                )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        live = getattr(request, "govlab_live", None)
        if object_id is not None and live is not None:
            # Showing the old version, only its number is put back; saving it,
            # every live field, so the form finds what it changes.
            names = self.live_fields if request.method == "POST" else ("version",)
            self.model._base_manager.filter(pk=unquote(object_id)).update(
                **{name: getattr(live, name) for name in names}
            )
        return super().changeform_view(request, object_id, form_url, extra_context)


def set_published(*, queryset, published: bool, user) -> int:
    """Publish or withdraw records one by one, so each change is kept in history.

    Versioned records get a new version: an editor with an older form open is
    refused instead of silently undoing the change.
    """
    model = queryset.model
    versioned = any(field.name == "version" for field in model._meta.concrete_fields)
    pks = list(queryset.values_list("pk", flat=True))
    comment = _("Published") if published else _("Withdrawn from the public site")
    with revision(user=user, comment=comment):
        records = model._base_manager.select_for_update().filter(pk__in=pks)
        for record in records:
            if record.is_published == published:
                continue
            record.is_published = published
            fields = ["is_published", "updated_at"]
            if versioned:
                save_versioned(
                    record, read_version=record.version, update_fields=fields
                )
            else:
                record.save(update_fields=fields)
    return len(pks)
