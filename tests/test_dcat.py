"""The DCAT description a CKAN catalogue harvests: valid JSON-LD with working links."""

import datetime
import json

import pytest
from django.utils import timezone

from projects.models import Project

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


def get_json(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def catalog(client):
    return get_json(client, "/catalog.jsonld", "application/ld+json")


def by_language(literals):
    return {literal["@language"]: literal["@value"] for literal in literals}


def compact_iris(node):
    """Every prefixed term and type in a JSON-LD document, e.g. dcat:Dataset."""
    if isinstance(node, list):
        for item in node:
            yield from compact_iris(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                yield value
            elif not key.startswith("@"):
                yield key
            if key != "@context":
                yield from compact_iris(value)


def test_catalog_is_json_ld_with_a_dataset_in_thai_and_english(client, make_project):
    """Catalogue and dataset have Thai and English titles and OPDC as publisher."""
    make_project()
    data = catalog(client)
    assert data["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    assert data["@context"]["dct"] == "http://purl.org/dc/terms/"
    assert data["@type"] == "dcat:Catalog"
    assert by_language(data["dct:title"]) == {
        "th": "ทะเบียนห้องปฏิบัติการนวัตกรรมภาครัฐ",
        "en": "Gov Lab Registry",
    }
    (dataset,) = data["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset"
    assert by_language(dataset["dct:title"])["en"] == "Gov Lab Registry: projects"
    description = by_language(dataset["dct:description"])
    assert description["th"].startswith("ต้นแบบนวัตกรรมของห้องปฏิบัติการนวัตกรรมภาครัฐ")
    assert description["en"].startswith("Innovation prototypes")
    assert by_language(dataset["dct:publisher"]["foaf:name"]) == {
        "th": "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)",
        "en": "Office of the Public Sector Development Commission (OPDC)",
    }
    assert {k["@language"] for k in dataset["dcat:keyword"]} == {"th", "en"}
    assert [lang["@id"][-3:] for lang in dataset["dct:language"]] == ["THA", "ENG"]


def test_catalog_gives_the_opdc_hotline_and_address(client):
    """Whom to contact: OPDC, hotline 1785, Phitsanulok Road, Bangkok 10300."""
    contact = catalog(client)["dcat:dataset"][0]["dcat:contactPoint"]
    assert contact["vcard:hasTelephone"] == {"@id": "tel:1785"}
    address = contact["vcard:hasAddress"]
    assert address["vcard:street-address"] == "59/1 Phitsanulok Road"
    assert address["vcard:postal-code"] == "10300"
    assert "dct:license" not in catalog(client)["dcat:dataset"][0]


def test_every_prefix_used_is_declared_in_the_context(client, make_project):
    """A JSON-LD processor can expand every term: no undeclared prefix."""
    make_project()
    data = catalog(client)
    prefixes = {iri.split(":", 1)[0] for iri in compact_iris(data)}
    assert prefixes <= set(data["@context"])
    assert {"dcat", "dct", "foaf", "vcard", "xsd"} <= prefixes


def test_every_distribution_answers_with_its_media_type(client, make_project):
    """CSV, JSON, both Atom feeds and the API: each address works as described."""
    make_project(title_th="ต้นแบบนวัตกรรม กรมการขนส่งทางบก")
    distributions = catalog(client)["dcat:dataset"][0]["dcat:distribution"]
    assert len(distributions) == 5
    for distribution in distributions:
        address = distribution["dcat:accessURL"]["@id"]
        assert address.startswith(ORIGIN)
        response = client.get(address.removeprefix(ORIGIN))
        assert response.status_code == 200, address
        media_type = distribution["dcat:mediaType"]["@id"].split("media-types/")[1]
        assert response["Content-Type"].split(";")[0] == media_type, address
    service = distributions[-1]["dcat:accessService"]
    for link in ("dcat:endpointURL", "dcat:endpointDescription"):
        response = client.get(service[link]["@id"].removeprefix(ORIGIN))
        assert response.status_code == 200, service[link]


def test_downloads_hold_published_projects_in_thai(client, make_project):
    """The CSV the catalogue points to holds the published project's Thai title."""
    make_project(title_th="ต้นแบบนวัตกรรม กรมชลประทาน")
    make_project(title_th="ต้นแบบที่ยังไม่เผยแพร่", is_published=False)
    (csv,) = [
        d
        for d in catalog(client)["dcat:dataset"][0]["dcat:distribution"]
        if d["dct:format"]["@id"].endswith("/CSV")
    ]
    response = client.get(csv["dcat:downloadURL"]["@id"].removeprefix(ORIGIN))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "ต้นแบบนวัตกรรม กรมชลประทาน" in text
    assert "ต้นแบบที่ยังไม่เผยแพร่" not in text


def test_modified_is_the_latest_change_to_a_published_project(client, make_project):
    """dct:modified follows published projects; an unpublished draft does not count."""
    first = make_project()
    second = make_project()
    draft = make_project(is_published=False)
    latest = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    Project.objects.filter(pk=first.pk).update(
        created_at=latest - datetime.timedelta(days=30)
    )
    Project.objects.filter(pk=second.pk).update(updated_at=latest)
    Project.objects.filter(pk=draft.pk).update(
        updated_at=latest + datetime.timedelta(days=1),
        created_at=latest - datetime.timedelta(days=60),
    )
    data = catalog(client)
    dataset = data["dcat:dataset"][0]
    expected = timezone.localtime(latest).isoformat()
    assert dataset["dct:modified"] == {"@value": expected, "@type": "xsd:dateTime"}
    assert data["dct:modified"] == dataset["dct:modified"]
    issued = timezone.localtime(latest - datetime.timedelta(days=30)).isoformat()
    assert dataset["dct:issued"]["@value"] == issued


def test_empty_registry_gives_a_catalogue_without_dates(client):
    """With nothing published yet the description is still valid, with no dates."""
    dataset = catalog(client)["dcat:dataset"][0]
    assert "dct:modified" not in dataset
    assert "dct:issued" not in dataset


def test_data_json_describes_the_dataset_for_ckan(client, make_project):
    """data.json: the DCAT-US shape, Thai texts, downloads that work."""
    make_project()
    data = get_json(client, "/data.json", "application/json")
    assert data["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    (dataset,) = data["dataset"]
    assert dataset["publisher"]["name"] == (
        "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)"
    )
    assert dataset["accessLevel"] == "public"
    assert dataset["language"] == ["th", "en"]
    for distribution in dataset["distribution"]:
        address = distribution.get("downloadURL") or distribution["accessURL"]
        response = client.get(address.removeprefix(ORIGIN))
        assert response.status_code == 200, address
