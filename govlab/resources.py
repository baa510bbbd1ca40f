"""What the registry's import/export resources share.

Records link to each other by slug; dates are ISO (2020-02-21) whatever the page's
language. An import is all or nothing: one rejected row and no row is saved. Every
record an import saves is kept in history with the importing user.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export import resources, widgets

from govlab.history import revision


class SlugWidget(widgets.ForeignKeyWidget):
    """A related record named by its slug; an unknown slug rejects the row."""

    def __init__(self, model):
        super().__init__(model, field="slug")

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("No %(kind)s has the slug “%(slug)s”.")
                % {"kind": self.model._meta.verbose_name, "slug": value}
            ) from None


class SlugsWidget(widgets.ManyToManyWidget):
    """Related records as comma-separated slugs; an unknown slug rejects the row."""

    def __init__(self, model):
        super().__init__(model, separator=",", field="slug")

    def clean(self, value, row=None, **kwargs):
        found = super().clean(value, row, **kwargs)
        wanted = {slug.strip() for slug in str(value or "").split(",")} - {""}
        missing = wanted - set(found.values_list("slug", flat=True))
        if missing:
            raise ValueError(
                _("No %(kind)s has the slug %(slugs)s.")
                % {
                    "kind": self.model._meta.verbose_name,
                    "slugs": ", ".join(f"“{slug}”" for slug in sorted(missing)),
                }
            )
        return found


class ISODateWidget(widgets.DateWidget):
    """A date as 2020-02-21; Excel's date cells are read too."""

    def __init__(self):
        super().__init__(format="%Y-%m-%d")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        try:
            return super().clean(value.strip() if isinstance(value, str) else value)
        except ValueError:
            raise ValueError(
                _("Write the date as year-month-day, for example 2020-02-21.")
            ) from None


class ISODateTimeWidget(widgets.Widget):
    """An export-only time stamp in local time with its offset, as text."""

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return timezone.localtime(value).isoformat(timespec="seconds")


class RegistryResource(resources.ModelResource):
    """Rows found by slug, validated by the model, imported whole or not at all."""

    class Meta:
        import_id_fields = ("slug",)
        # Runs the model's full_clean(): clean() rules and the DB constraints.
        clean_model_instances = True
        # A row that changes nothing is not saved: no new version, no new date.
        skip_unchanged = True
        report_skipped = True

    def import_data(self, dataset, dry_run=False, **kwargs):
        if dry_run:
            return super().import_data(dataset, dry_run=True, **kwargs)
        comment = _("Imported from %(file)s") % {
            "file": kwargs.get("file_name") or _("a file")
        }
        with revision(user=kwargs.get("user"), comment=comment):
            result = super().import_data(dataset, dry_run=False, **kwargs)
            if result.has_errors() or result.has_validation_errors():
                # Rows that did import are undone too, and no history is kept.
                transaction.set_rollback(True)
        return result

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        # A cell left empty and a translation never written are the same thing.
        if not is_m2m and row.get(field.column_name) in ("", None):
            current = field.get_value(instance) if field.attribute else None
            if current in ("", None):
                return
        super().import_field(field, instance, row, is_m2m, **kwargs)
