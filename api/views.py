"""The read-only open-data API: projects, agencies and events, as on the pages."""

from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiJsonRenderer2
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularAPIView
from rest_framework import viewsets
from rest_framework.pagination import PageNumberPagination

from api import schema
from api.filters import (
    AgencyApiFilter,
    EventApiFilter,
    ProjectApiFilter,
    ProjectFilterBackend,
)
from api.selectors import agency_api_list, event_api_list, project_api_list
from api.serializers import AgencySerializer, EventSerializer, ProjectSerializer
from projects.exports import LIMIT_HEADER

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class ApiPagination(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_query_description = "Page number, from 1; a page past the last one is 404."
    page_size_query_description = (
        f"Results per page: {PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE}."
    )

    def get_paginated_response_schema(self, schema):
        # DRF writes OpenAPI 3.0's "nullable", which 3.1 (our description) ignores.
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Matches on all pages."},
                "next": {**link, "description": "The next page, or null."},
                "previous": {**link, "description": "The previous page, or null."},
                "results": schema,
            },
        }


class ProjectPagination(ApiPagination):
    """Pages that say when a text query matched more projects than they hold."""

    def paginate_queryset(self, queryset, request, view=None):
        self.results_limit = getattr(view, "results_limit", None)
        return super().paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        limited = self.results_limit is not None
        response.data["count_is_lower_bound"] = limited
        if limited:
            response[LIMIT_HEADER] = str(self.results_limit)
        return response

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["required"].append("count_is_lower_bound")
        described["properties"]["count_is_lower_bound"] = {
            "type": "boolean",
            "description": (
                "True when `q` matched more projects than are ranked: `count` and "
                "the pages then hold only the first ones found, ranked."
            ),
        }
        return described


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """A list with filters and pagination, and one record by its slug."""

    lookup_field = "slug"
    # Any path segment reaches the view, so that a malformed slug is a JSON 404 too.
    lookup_value_converter = "str"
    pagination_class = ApiPagination
    filter_backends = [DjangoFilterBackend]

    def filter_queryset(self, queryset):
        # Filters narrow the list; a record's own address ignores them.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)


@extend_schema_view(
    list=extend_schema(
        summary="List published projects",
        description=(
            "Published projects matching every filter given, recently updated "
            "first unless `sort` says otherwise. The same filters as the project "
            "list page."
        ),
        parameters=schema.PROJECT_PARAMETERS,
        responses=schema.list_responses(ProjectSerializer),
    ),
    retrieve=extend_schema(
        summary="One published project",
        description="An unpublished or unknown project is 404.",
        responses=schema.detail_responses(ProjectSerializer),
    ),
)
class ProjectViewSet(ReadOnlyViewSet):
    serializer_class = ProjectSerializer
    filterset_class = ProjectApiFilter
    filter_backends = [ProjectFilterBackend]
    pagination_class = ProjectPagination

    def get_queryset(self):
        return project_api_list()


@extend_schema_view(
    list=extend_schema(
        summary="List agencies",
        description="Every agency taking part in Gov Lab work, by slug.",
        responses=schema.list_responses(AgencySerializer),
    ),
    retrieve=extend_schema(
        summary="One agency",
        description="An unknown agency is 404.",
        responses=schema.detail_responses(AgencySerializer),
    ),
)
class AgencyViewSet(ReadOnlyViewSet):
    serializer_class = AgencySerializer
    filterset_class = AgencyApiFilter

    def get_queryset(self):
        return agency_api_list()


@extend_schema_view(
    list=extend_schema(
        summary="List published events",
        description=(
            "Published events matching every filter given, latest first day first; "
            "an event without dates yet is still to come and leads the list."
        ),
        responses=schema.list_responses(EventSerializer),
    ),
    retrieve=extend_schema(
        summary="One published event",
        description="An unpublished or unknown event is 404.",
        responses=schema.detail_responses(EventSerializer),
    ),
)
class EventViewSet(ReadOnlyViewSet):
    serializer_class = EventSerializer
    filterset_class = EventApiFilter

    def get_queryset(self):
        return event_api_list()


class OpenApiView(SpectacularAPIView):
    """The OpenAPI 3 description as JSON, written in English whatever the request."""

    renderer_classes = [OpenApiJsonRenderer2, OpenApiJsonRenderer]
    custom_settings = schema.SPECTACULAR_SETTINGS

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().get(request, *args, **kwargs)
