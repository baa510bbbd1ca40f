"""What the API gives for each record: both languages, stable ids, links.

`id` is the database key and never changes; `slug` is the key in every address.
Relations are small objects naming the related record, never more than one level
deep; unpublished projects and events are left out of them.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agencies.models import Agency
from api.fields import (
    BlankAsNullURLField,
    OptionalTranslatedField,
    PageLinksField,
    ProjectsLinkField,
    TranslatedField,
)
from events.models import Event, EventDateSpan
from projects.models import IssueArea, Project


# The API only reads: every field is read-only, and the schema says so. No
# docstring: drf-spectacular would give it as the description of every subclass.
class ReadOnlySerializer(serializers.ModelSerializer):
    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


def _api_link(view_name: str) -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(
        view_name=view_name, lookup_field="slug", help_text="This record in the API."
    )


class AgencyRefSerializer(ReadOnlySerializer):
    """An agency named in another record."""

    url = _api_link("api:agency-detail")
    name = TranslatedField()
    short_name = OptionalTranslatedField()

    class Meta:
        model = Agency
        fields = ["id", "slug", "url", "name", "short_name"]


class IssueAreaRefSerializer(ReadOnlySerializer):
    """A cross-agency public-service issue of the service-issue track."""

    name = TranslatedField()

    class Meta:
        model = IssueArea
        fields = ["id", "slug", "name"]


class EventRefSerializer(ReadOnlySerializer):
    """A published event named in another record."""

    url = _api_link("api:event-detail")
    title = TranslatedField()

    class Meta:
        model = Event
        fields = ["id", "slug", "url", "title"]


class ProjectRefSerializer(ReadOnlySerializer):
    """A published project named in another record."""

    url = _api_link("api:project-detail")
    title = TranslatedField()

    class Meta:
        model = Project
        fields = ["id", "slug", "url", "title"]


class ProjectSerializer(ReadOnlySerializer):
    """A Gov Lab innovation project, from idea to adoption."""

    url = _api_link("api:project-detail")
    html_url = PageLinksField("projects:project-detail")
    title = TranslatedField()
    summary = OptionalTranslatedField()
    description = OptionalTranslatedField()
    issue_area = IssueAreaRefSerializer(
        read_only=True,
        allow_null=True,
        help_text="Service-issue track only; null otherwise.",
    )
    lead_agency = AgencyRefSerializer(
        read_only=True, allow_null=True, help_text="Null only outside the agency track."
    )
    participating_agencies = AgencyRefSerializer(many=True, read_only=True)
    consultants = AgencyRefSerializer(many=True, read_only=True)
    origin_event = serializers.SerializerMethodField(
        help_text="The published event the project came out of, or null."
    )
    events = EventRefSerializer(
        source="public_events",
        many=True,
        read_only=True,
        help_text="Published events that list the project as related.",
    )

    class Meta:
        model = Project
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "summary",
            "description",
            "track",
            "stage",
            "fiscal_year",
            "start_date",
            "end_date",
            "issue_area",
            "lead_agency",
            "participating_agencies",
            "consultants",
            "origin_event",
            "events",
            "updated_at",
        ]
        extra_kwargs = {
            "fiscal_year": {
                "help_text": (
                    "Buddhist Era year in which the fiscal year ends: 2563 is "
                    "1 October 2019 to 30 September 2020."
                )
            },
            "updated_at": {"help_text": "When the record last changed."},
        }

    @extend_schema_field(EventRefSerializer(allow_null=True))
    def get_origin_event(self, project: Project) -> dict | None:
        event = project.origin_event
        if event is None or not event.is_published:
            return None
        return EventRefSerializer(event, context=self.context).data


class AgencySerializer(ReadOnlySerializer):
    """A government agency or partner organisation in Gov Lab work."""

    url = _api_link("api:agency-detail")
    html_url = PageLinksField("agencies:agency-detail")
    name = TranslatedField()
    short_name = OptionalTranslatedField(help_text="Abbreviation, e.g. ขบ. / DLT")
    description = OptionalTranslatedField()
    parent = AgencyRefSerializer(
        read_only=True,
        allow_null=True,
        help_text="The ministry or body it belongs to, or null.",
    )
    website = BlankAsNullURLField()
    projects_url = ProjectsLinkField(
        "agency", help_text="Published projects it leads or takes part in."
    )

    class Meta:
        model = Agency
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "name",
            "short_name",
            "description",
            "kind",
            "parent",
            "website",
            "projects_url",
            "updated_at",
        ]
        extra_kwargs = {"updated_at": {"help_text": "When the record last changed."}}


class DateSpanSerializer(ReadOnlySerializer):
    """A run of consecutive days, both ends included."""

    class Meta:
        model = EventDateSpan
        fields = ["start", "end"]
        extra_kwargs = {"end": {"help_text": "The last day; equal to start for one."}}


class EventSerializer(ReadOnlySerializer):
    """A hackathon, symposium, workshop or other gathering around Gov Lab work."""

    url = _api_link("api:event-detail")
    html_url = PageLinksField("events:event-detail")
    title = TranslatedField()
    summary = OptionalTranslatedField()
    description = OptionalTranslatedField()
    venue = OptionalTranslatedField()
    city = OptionalTranslatedField()
    country = OptionalTranslatedField()
    dates = DateSpanSerializer(
        source="date_spans",
        many=True,
        read_only=True,
        help_text="The runs of consecutive days it was held on, in order.",
    )
    first_day = serializers.DateField(
        read_only=True, allow_null=True, help_text="Null while no date is set."
    )
    last_day = serializers.DateField(
        read_only=True, allow_null=True, help_text="Null while no date is set."
    )
    link = BlankAsNullURLField()
    organisers = AgencyRefSerializer(many=True, read_only=True)
    partners = AgencyRefSerializer(many=True, read_only=True)
    originated_projects = ProjectRefSerializer(
        source="public_originated_projects",
        many=True,
        read_only=True,
        help_text="Published projects that came out of the event.",
    )
    related_projects = ProjectRefSerializer(
        source="public_related_projects",
        many=True,
        read_only=True,
        help_text="Published projects the event lists as related.",
    )
    projects_url = ProjectsLinkField(
        "event", help_text="Published projects that came out of it or are related."
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "slug",
            "url",
            "html_url",
            "title",
            "summary",
            "description",
            "kind",
            "dates",
            "first_day",
            "last_day",
            "is_online",
            "venue",
            "city",
            "country",
            "link",
            "organisers",
            "partners",
            "originated_projects",
            "related_projects",
            "projects_url",
            "updated_at",
        ]
        extra_kwargs = {"updated_at": {"help_text": "When the record last changed."}}
