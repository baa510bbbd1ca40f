"""Projects in the columns of the public export, for the admin's import and export."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export.fields import Field

from agencies.models import Agency
from events.models import Event
from govlab.concurrency import save_versioned
from govlab.resources import (
    ISODateTimeWidget,
    ISODateWidget,
    RegistryResource,
    SlugsWidget,
    SlugWidget,
)
from projects.models import IssueArea, Project

PROJECT_COLUMNS = (
    "slug",
    "title_th",
    "title_en",
    "summary_th",
    "summary_en",
    "description_th",
    "description_en",
    "track",
    "issue_area",
    "lead_agency",
    "participating_agencies",
    "consultants",
    "fiscal_year",
    "stage",
    "start_date",
    "end_date",
    "origin_event",
    "is_published",
    "updated_at",
)


def _related(name, widget):
    return Field(attribute=name, column_name=name, widget=widget)


class ProjectResource(RegistryResource):
    issue_area = _related("issue_area", SlugWidget(IssueArea))
    lead_agency = _related("lead_agency", SlugWidget(Agency))
    participating_agencies = _related("participating_agencies", SlugsWidget(Agency))
    consultants = _related("consultants", SlugsWidget(Agency))
    origin_event = _related("origin_event", SlugWidget(Event))
    start_date = _related("start_date", ISODateWidget())
    end_date = _related("end_date", ISODateWidget())
    updated_at = Field(
        attribute="updated_at",
        column_name="updated_at",
        widget=ISODateTimeWidget(),
        readonly=True,
    )

    class Meta(RegistryResource.Meta):
        model = Project
        fields = PROJECT_COLUMNS
        import_order = PROJECT_COLUMNS
        export_order = PROJECT_COLUMNS

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(
            "issue_area", "lead_agency", "origin_event"
        ).prefetch_related("participating_agencies", "consultants")

    def import_instance(self, instance, row, **kwargs):
        stored_stage = instance.stage if instance.pk else None
        super().import_instance(instance, row, **kwargs)
        if stored_stage is not None and instance.stage != stored_stage:
            # A stage change carries a reason, which a row has no column for.
            raise ValidationError(
                {
                    "stage": _(
                        "Change the stage in the project's form, which asks for "
                        "the reason: a file can only keep the stage as it is."
                    )
                }
            )

    def do_instance_save(self, instance, is_create):
        if is_create:
            instance.save(force_insert=True)
        else:
            # A new version: an editor with the project open is refused, not undone.
            save_versioned(instance, read_version=instance.version)
