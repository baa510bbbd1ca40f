"""The registry described for open-data catalogues such as CKAN.

``catalog_jsonld`` is DCAT-AP style JSON-LD, which ckanext-dcat's RDF harvester
reads; ``catalog_data_json`` is the same description in the DCAT-US (Project Open
Data) shape that its JSON harvester reads. Texts come from the translation
catalogue, one literal per language; a text with no translation yet is given in
English only rather than mislabelled as Thai.

No licence is stated: the sources name none, and one is not invented here.
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models import Max, Min
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from projects.models import Project

DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
_EU = "http://publications.europa.eu/resource/authority"
_IANA = "https://www.iana.org/assignments/media-types"
# ISO 639 codes as DCAT-AP's language list spells them.
_LANGUAGE_URIS = {"th": f"{_EU}/language/THA", "en": f"{_EU}/language/ENG"}

CATALOG_TITLE = _("Gov Lab Registry")
CATALOG_DESCRIPTION = _(
    "Prototype projects, agencies and events of Thailand's Government Innovation "
    "Lab (Gov Lab), run by the Office of the Public Sector Development Commission."
)
DATASET_TITLE = _("Gov Lab Registry: projects")
DATASET_DESCRIPTION = _(
    "Innovation prototypes of the Government Innovation Lab, from idea to adoption."
)
API_TITLE = _("Read-only JSON API")
PUBLISHER = _("Office of the Public Sector Development Commission (OPDC)")
KEYWORDS = (
    _("Government Innovation Lab"),
    _("innovation prototype"),
    _("public sector innovation"),
    _("design thinking"),
    _("open government"),
)
HOTLINE = "1785"
ADDRESS = {
    "street-address": "59/1 Phitsanulok Road",
    "locality": "Dusit",
    "region": "Bangkok",
    "postal-code": "10300",
    "country-name": "Thailand",
}


def _texts(message: Promise) -> dict[str, str]:
    """The message in each site language that has it, English always."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = str(message)
    english = texts["en"]
    return {code: t for code, t in texts.items() if code == "en" or t != english}


def _literals(message: Promise) -> list[dict[str, str]]:
    return [{"@value": t, "@language": code} for code, t in _texts(message).items()]


def _date_time(value) -> dict[str, str]:
    return {"@value": value.isoformat(timespec="seconds"), "@type": "xsd:dateTime"}


def _published_dates() -> dict[str, Any]:
    """When the first published project was created and the last one changed."""
    return Project.objects.filter(is_published=True).aggregate(
        issued=Min("created_at"), modified=Max("updated_at")
    )


def _distributions(url: Callable[..., str]) -> list[tuple[Promise, str, str, str]]:
    """The files and feeds: (title, address, media type, EU file type)."""
    feeds = [
        (
            _("Latest project changes, Atom feed in Thai"),
            url("projects:project-list-atom", language="th"),
            "application/atom+xml",
            "ATOM",
        ),
        (
            _("Latest project changes, Atom feed in English"),
            url("projects:project-list-atom", language="en"),
            "application/atom+xml",
            "ATOM",
        ),
    ]
    return [
        (
            _("All projects, CSV (UTF-8)"),
            url("projects:project-export-csv"),
            "text/csv",
            "CSV",
        ),
        (
            _("All projects, JSON"),
            url("projects:project-export-json"),
            "application/json",
            "JSON",
        ),
        *feeds,
    ]


def _address_maker(origin: str) -> Callable[..., str]:
    def url(name: str, *, language: str = settings.LANGUAGE_CODE) -> str:
        with translation.override(language):
            return origin + reverse(name)

    return url


def _jsonld_distribution(title, address, media_type, file_type) -> dict[str, Any]:
    return {
        "@type": "dcat:Distribution",
        "dct:title": _literals(title),
        "dcat:accessURL": {"@id": address},
        "dcat:downloadURL": {"@id": address},
        "dcat:mediaType": {"@id": f"{_IANA}/{media_type}"},
        "dct:format": {"@id": f"{_EU}/file-type/{file_type}"},
    }


def _jsonld_api(url: Callable[..., str]) -> dict[str, Any]:
    return {
        "@type": "dcat:Distribution",
        "dct:title": _literals(API_TITLE),
        "dcat:accessURL": {"@id": url("api:project-list")},
        "dcat:mediaType": {"@id": f"{_IANA}/application/json"},
        "dct:format": {"@id": f"{_EU}/file-type/JSON"},
        "dcat:accessService": {
            "@type": "dcat:DataService",
            "dct:title": _literals(API_TITLE),
            "dcat:endpointURL": {"@id": url("api:api-root")},
            "dcat:endpointDescription": {"@id": url("api:openapi")},
        },
    }


def _jsonld_publisher() -> dict[str, Any]:
    return {"@type": "foaf:Organization", "foaf:name": _literals(PUBLISHER)}


def _jsonld_contact() -> dict[str, Any]:
    return {
        "@type": "vcard:Organization",
        "vcard:fn": _literals(PUBLISHER),
        "vcard:hasTelephone": {"@id": f"tel:{HOTLINE}"},
        "vcard:hasAddress": {
            "@type": "vcard:Address",
            **{f"vcard:{key}": value for key, value in ADDRESS.items()},
        },
    }


def catalog_jsonld(*, origin: str) -> dict[str, Any]:
    """The catalogue and its projects dataset as DCAT-AP JSON-LD.

    ``origin`` is the site's scheme and host, such as https://example.org.
    """
    url = _address_maker(origin)
    catalog_id = url("dcat-catalog")
    dates = _published_dates()
    dataset = {
        "@id": f"{catalog_id}#projects",
        "@type": "dcat:Dataset",
        "dct:identifier": "govlab-projects",
        "dct:title": _literals(DATASET_TITLE),
        "dct:description": _literals(DATASET_DESCRIPTION),
        "dct:publisher": _jsonld_publisher(),
        "dcat:contactPoint": _jsonld_contact(),
        "dcat:keyword": [literal for k in KEYWORDS for literal in _literals(k)],
        "dcat:theme": {"@id": f"{_EU}/data-theme/GOVE"},
        "dct:language": [{"@id": uri} for uri in _LANGUAGE_URIS.values()],
        "dcat:landingPage": {"@id": url("projects:project-list")},
        "dcat:distribution": [
            *(_jsonld_distribution(*d) for d in _distributions(url)),
            _jsonld_api(url),
        ],
    }
    catalog = {
        "@context": DCAT_CONTEXT,
        "@id": catalog_id,
        "@type": "dcat:Catalog",
        "dct:title": _literals(CATALOG_TITLE),
        "dct:description": _literals(CATALOG_DESCRIPTION),
        "dct:publisher": _jsonld_publisher(),
        "foaf:homepage": {"@id": url("home")},
        "dct:language": dataset["dct:language"],
        "dcat:dataset": [dataset],
    }
    for key in ("issued", "modified"):
        if dates[key]:
            dataset[f"dct:{key}"] = _date_time(timezone.localtime(dates[key]))
    if dates["modified"]:
        catalog["dct:modified"] = dataset["dct:modified"]
    return catalog


def catalog_data_json(*, origin: str) -> dict[str, Any]:
    """The same dataset in the DCAT-US 1.1 (Project Open Data) data.json shape.

    Its texts are single strings: the site's default language, Thai. The schema's
    contactPoint.hasEmail is left out because the sources give no address.
    """
    url = _address_maker(origin)
    dates = _published_dates()
    default = settings.LANGUAGE_CODE
    with translation.override(default):
        dataset = {
            "@type": "dcat:Dataset",
            "identifier": f"{url('dcat-catalog')}#projects",
            "title": str(DATASET_TITLE),
            "description": str(DATASET_DESCRIPTION),
            "keyword": [str(keyword) for keyword in KEYWORDS],
            "publisher": {"@type": "org:Organization", "name": str(PUBLISHER)},
            "contactPoint": {"@type": "vcard:Contact", "fn": str(PUBLISHER)},
            "accessLevel": "public",
            "language": [code for code, _name in settings.LANGUAGES],
            "landingPage": url("projects:project-list"),
            "distribution": [
                {
                    "@type": "dcat:Distribution",
                    "title": str(title),
                    "downloadURL": address,
                    "mediaType": media_type,
                    "format": file_type,
                }
                for title, address, media_type, file_type in _distributions(url)
            ]
            + [
                {
                    "@type": "dcat:Distribution",
                    "title": str(API_TITLE),
                    "accessURL": url("api:project-list"),
                    "mediaType": "application/json",
                    "format": "API",
                    "describedBy": url("api:openapi"),
                    "describedByType": "application/vnd.oai.openapi+json",
                }
            ],
        }
    for key in ("issued", "modified"):
        if dates[key]:
            dataset[key] = timezone.localtime(dates[key]).isoformat(timespec="seconds")
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@id": url("data-json"),
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "dataset": [dataset],
    }
