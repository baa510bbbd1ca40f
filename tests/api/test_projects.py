"""/api/v1/projects/: published projects in both languages, as on the list page."""

import pytest

from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/projects/"
PUBLISHED = {
    "land-services-prototype",
    "drug-prevention-prototype",
    "dlt-prototype",
    "pai-chatbot",
    "the-guide-light",
}


def test_list_gives_published_projects_only(api_get, registry):
    """The five published projects are listed; the draft is not."""
    body = api_get(LIST)
    assert body["count"] == 5
    assert set(slugs(body)) == PUBLISHED


def test_project_gives_both_languages(api_get, registry):
    """Title and summary come as {th, en}; missing English is null."""
    land = api_get(f"{LIST}land-services-prototype/")
    assert land["title"] == {"th": "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน", "en": None}
    assert land["summary"] == {"th": "ลดขั้นตอนการขอรับบริการที่ดิน", "en": None}
    assert land["description"] == {"th": None, "en": None}
    assert land["issue_area"]["name"] == {
        "th": "การให้บริการด้านที่ดิน",
        "en": "Land services",
    }
    assert land["participating_agencies"][0]["short_name"] == {"th": "ขบ.", "en": "DLT"}


def test_project_has_stable_id_and_links(api_get, client, registry):
    """id is the record's key; url is the API record; html_url its two pages."""
    project = registry.projects.pai
    body = api_get(f"{LIST}pai-chatbot/")
    assert body["id"] == project.pk
    assert body["url"] == "http://testserver/api/v1/projects/pai-chatbot/"
    assert body["html_url"] == {
        "th": "http://testserver/th/projects/pai-chatbot/",
        "en": "http://testserver/en/projects/pai-chatbot/",
    }
    assert client.get(body["html_url"]["en"]).status_code == 200
    assert body["lead_agency"]["url"] == (
        "http://testserver/api/v1/agencies/royal-thai-police/"
    )


def test_project_gives_its_facts(api_get, registry):
    """Track, stage, fiscal year (Buddhist Era) and relations as slugs and names."""
    body = api_get(f"{LIST}dlt-prototype/")
    assert body["track"] == "agency"
    assert body["stage"] == "prototype"
    assert body["fiscal_year"] == 2563
    assert body["issue_area"] is None
    assert body["lead_agency"]["slug"] == "department-of-land-transport"
    assert body["lead_agency"]["name"]["th"] == "กรมการขนส่งทางบก"
    assert [a["slug"] for a in body["consultants"]] == ["nida"]
    assert body["consultants"][0]["name"] == {
        "th": "สถาบันบัณฑิตพัฒนบริหารศาสตร์",
        "en": None,
    }


def test_related_events_are_published_ones_only(api_get, registry):
    """An unpublished event is neither an origin nor a related event."""
    drugs = api_get(f"{LIST}drug-prevention-prototype/")
    assert drugs["origin_event"] is None
    dlt = api_get(f"{LIST}dlt-prototype/")
    assert dlt["events"] == []
    pai = api_get(f"{LIST}pai-chatbot/")
    assert pai["origin_event"]["slug"] == "my-better-country-hackathon"
    guide = api_get(f"{LIST}the-guide-light/")
    assert [e["slug"] for e in guide["events"]] == ["my-better-country-hackathon"]


@pytest.mark.parametrize(
    "slug", ["unpublished-prototype", "no-such-project", "%E0%B8%81"]
)
def test_unpublished_or_unknown_project_is_404_json(api_get, registry, slug):
    """A draft, an unknown slug or a non-slug address is a JSON 404."""
    body = api_get(f"{LIST}{slug}/", status=404)
    assert body["detail"]


def test_list_filters_do_not_apply_to_one_record(api_get, registry):
    """A record's address ignores list filters in its query string."""
    body = api_get(f"{LIST}pai-chatbot/", {"track": "service-issue"})
    assert body["slug"] == "pai-chatbot"


def test_list_costs_the_same_queries_for_3_or_30_projects(
    count_queries, make_project, make_agency, make_event
):
    """Relations are fetched per page, not per project."""
    agency, event = make_agency(), make_event()

    def add(n):
        for _ in range(n):
            project = make_project(
                participating=[agency], consultants=[agency], origin_event=event
            )
            event.related_projects.add(project)

    add(3)
    few = count_queries(LIST, {"page_size": 100})
    add(27)
    many = count_queries(LIST, {"page_size": 100})
    assert few == many <= 6


def test_record_costs_a_fixed_number_of_queries(
    count_queries, make_project, make_agency
):
    """One project with several agencies still costs a handful of queries."""
    agencies = [make_agency() for _ in range(5)]
    make_project(slug="busy", participating=agencies, consultants=agencies)
    assert count_queries(f"{LIST}busy/") <= 5
