"""Agencies in the columns of the public export, for the admin's import and export."""

from import_export.fields import Field

from agencies.models import Agency
from govlab.resources import RegistryResource, SlugWidget

AGENCY_COLUMNS = (
    "slug",
    "name_th",
    "name_en",
    "short_name_th",
    "short_name_en",
    "kind",
    "parent",
    "website",
    "description_th",
    "description_en",
)


class AgencyResource(RegistryResource):
    parent = Field(attribute="parent", column_name="parent", widget=SlugWidget(Agency))

    class Meta(RegistryResource.Meta):
        model = Agency
        fields = AGENCY_COLUMNS
        import_order = AGENCY_COLUMNS
        export_order = AGENCY_COLUMNS

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("parent")
