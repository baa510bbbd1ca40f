"""The OpenAPI description's own text: conventions, parameters and error bodies.

drf-spectacular derives the rest from the serializers and the FilterSets; what is
here is what they cannot say, in English, the language of the description.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers

from projects.models import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN
from projects.selectors import SEARCH_CANDIDATES

DESCRIPTION = """\
Read-only open data of Thailand's Government Innovation Lab (Gov Lab), run by the
Office of the Public Sector Development Commission (OPDC): its projects, the agencies
that take part in them and its events. Anyone may read it, from any web origin
(CORS), without a key. Only published projects and events are given; every agency
is public.

**Both languages in every response.** A translated field is an object
`{"th": "...", "en": "..."}`. Thai is the registry's first language: a title or a
name always has Thai text. A language without text is `null` (English often is).
`html_url` gives the record's public page in each language.

**Stable ids.** `id` is a number that never changes; `slug` is the key in every
address (`/api/v1/projects/{slug}/`). Related records are small objects with their
`id`, `slug`, name or title and, where the API has them, `url`.

**Filters** are those of the public pages, with the same names and values, and may
be combined (all must hold). An invalid value gives status 400 with a body naming
each wrong parameter: `{"fiscal_year": ["..."]}`. Error messages follow the
request's `Accept-Language` (Thai unless English is asked for), and so does the
order of `sort=title`.

**Dates** are ISO 8601 and in the Common Era (`2020-02-21`). A fiscal year is the
Buddhist Era year in which it ends: `2563` is 1 October 2019 to 30 September 2020.

**Pagination.** Lists give `count`, `next`, `previous` and `results`; `page` starts
at 1 and a page past the last is 404; `page_size` is 20 unless given, at most 100.
"""

DESCRIPTION += f"""
**Searching with `q`.** A search word matching very many projects is not counted
or ranked in full, as on the project list page: the first {SEARCH_CANDIDATES}
projects found that match every filter are ranked and paged. The project list then
gives `"count_is_lower_bound": true` (otherwise `false`), its `count` is those
{SEARCH_CANDIDATES} and the header `X-Results-Limit: {SEARCH_CANDIDATES}` says the
bound; more words or a filter give every match. The project list's CSV and JSON
downloads (`/th/projects/export.csv`, `export.json`) bound a search the same way and
send the same header when they do.
"""

SPECTACULAR_SETTINGS = {
    "DESCRIPTION": DESCRIPTION,
    # OpenAPI 3.0 cannot say that a related record may be null ("nullable" next to
    # a $ref means nothing there); 3.1 is JSON Schema and says it plainly.
    "OAS_VERSION": "3.1.0",
    # Agencies and events both have a `kind`; name their enums apart.
    "ENUM_NAME_OVERRIDES": {
        "AgencyKindEnum": "agencies.models.AgencyKind",
        "EventKindEnum": "events.models.EventKind",
        "TrackEnum": "projects.models.Track",
        "StageEnum": "projects.models.Stage",
    },
}

# Parameters whose type or meaning the project FilterSet cannot tell the generator.
PROJECT_PARAMETERS = [
    OpenApiParameter(
        "issue",
        OpenApiTypes.STR,
        description="Slug of an issue area (service-issue track).",
    ),
    OpenApiParameter(
        "agency",
        OpenApiTypes.STR,
        description="Slug of an agency: projects it leads or takes part in.",
    ),
    OpenApiParameter(
        "fiscal_year",
        {"type": "integer", "minimum": FISCAL_YEAR_MIN, "maximum": FISCAL_YEAR_MAX},
        description=(
            "Buddhist Era fiscal year, such as 2563. A Common Era year such as 2020 "
            "is refused with status 400."
        ),
    ),
    OpenApiParameter(
        "event",
        OpenApiTypes.STR,
        description=(
            "Slug of a published event: projects that came out of it or that it "
            "lists as related."
        ),
    ),
]


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, in words.")


INVALID_FILTER = OpenApiResponse(
    response={
        "type": "object",
        "description": "Each invalid query parameter with its error messages.",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A query parameter has an invalid value.",
)


def list_responses(serializer: type[serializers.Serializer]) -> dict:
    return {
        200: serializer,
        400: INVALID_FILTER,
        404: OpenApiResponse(ErrorSerializer, description="No such page."),
    }


def detail_responses(serializer: type[serializers.Serializer]) -> dict:
    return {
        200: serializer,
        404: OpenApiResponse(ErrorSerializer, description="No such public record."),
    }
