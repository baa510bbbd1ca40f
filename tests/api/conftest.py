"""Fixtures for the API: its OpenAPI document, a client that checks every response
against it, and a small registry in real Thai and English."""

import copy
import datetime
import re
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from agencies.models import AgencyKind
from events.models import EventKind
from projects.models import Stage, Track

OPENAPI_URL = "/api/v1/openapi.json"


@pytest.fixture(scope="session")
def openapi_document():
    """The OpenAPI description as the API serves it (no database needed)."""
    response = Client().get(OPENAPI_URL)
    assert response.status_code == 200
    return response.json()


def _closed(schema):
    """The schema with every described object refusing undescribed properties."""
    if isinstance(schema, dict):
        schema = {key: _closed(value) for key, value in schema.items()}
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        return schema
    if isinstance(schema, list):
        return [_closed(item) for item in schema]
    return schema


def _operation(document, path):
    for template, item in document["paths"].items():
        pattern = re.sub(r"\{[^}]+\}", "[^/]+", template)
        if re.fullmatch(pattern, path):
            return item["get"]
    raise AssertionError(f"{path} is not in the OpenAPI description")


def response_schema(document, path, status):
    """The JSON schema the description gives for GET path answering status.

    $refs point into the document's components, so they travel along; objects are
    closed so that a field the description does not mention fails the test.
    """
    responses = _operation(document, path)["responses"]
    assert str(status) in responses, f"{status} is not documented for {path}"
    schema = responses[str(status)]["content"]["application/json"]["schema"]
    components = _closed(copy.deepcopy(document["components"]))
    return {**_closed(schema), "components": components}


def assert_matches_description(document, response):
    """The response's body is valid against its documented schema."""
    schema = response_schema(
        document, response.request["PATH_INFO"], response.status_code
    )
    validator = Draft202012Validator(
        schema, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(response.json()), key=str)
    assert not errors, "\n".join(f"{e.json_path}: {e.message}" for e in errors[:5])


@pytest.fixture
def api_get(client, openapi_document):
    """GET an API address; the answer is checked against the OpenAPI description."""

    def get(path, params=None, *, status=200, **headers):
        response = client.get(path, params or {}, headers=headers)
        assert response.status_code == status, response.content[:500]
        assert response["Content-Type"] == "application/json"
        assert_matches_description(openapi_document, response)
        return response.json()

    return get


@pytest.fixture
def count_queries(client):
    """How many SQL queries a GET of the address costs."""

    def count(path, params=None):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path, params or {}).status_code == 200
        return len(queries)

    return count


def slugs(body):
    return [row["slug"] for row in body["results"]]


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    """Five published projects, one unpublished; three published events, one not.

    | project    | track         | issue / lead | FY   | stage     | also     | event  |
    |------------|---------------|--------------|------|-----------|----------|--------|
    | land       | service-issue | land         | 2563 | pilot     | dlt part | launch |
    | drugs      | service-issue | drugs        | 2563 | prototype | -        | -      |
    | dlt        | agency        | dlt          | 2563 | prototype | nida con | -      |
    | pai        | agency        | police       | 2562 | idea      | -        | hack   |
    | guide      | agency        | dlt          | 2562 | adopted   | -        | hack*  |
    | draft      | agency        | dlt          | 2563 | idea      | unpublished     |
    (* the hackathon lists it as related; the others came out of the event.)
    """
    ministry = make_agency(
        name_th="กระทรวงคมนาคม", name_en="Ministry of Transport", slug="mot"
    )
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
        parent=ministry,
        website="https://www.dlt.go.th/",
    )
    police = make_agency(
        name_th="สำนักงานตำรวจแห่งชาติ",
        name_en="Royal Thai Police",
        slug="royal-thai-police",
        kind=AgencyKind.POLICE_OR_ARMED_FORCES,
    )
    nida = make_agency(
        name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์",
        name_en="",
        slug="nida",
        kind=AgencyKind.ACADEMIC_INSTITUTION,
    )
    land_issue = make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    drugs_issue = make_issue_area(
        name_th="การป้องกันและปราบปรามยาเสพติด",
        name_en="Drug prevention and suppression",
        slug="drug-prevention",
    )
    launch = make_event(
        title_th="ห้องปฏิบัติการนวัตกรรมภาครัฐ พลิกโฉมงานบริการภาครัฐด้วยนวัตกรรม",
        title_en="Government Innovation Lab launch",
        slug="gov-lab-launch-2020",
        kind=EventKind.LAUNCH,
        spans=[(datetime.date(2020, 2, 21), datetime.date(2020, 2, 21))],
    )
    hackathon = make_event(
        title_th="MY BETTER COUNTRY HACKATHON",
        title_en="My Better Country Hackathon",
        slug="my-better-country-hackathon",
        kind=EventKind.HACKATHON,
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    symposium = make_event(
        title_th="การประชุมวิชาการ KRI-OPDC ครั้งที่ 6",
        title_en="6th KRI-OPDC Reform Policy Symposium",
        slug="kri-opdc-symposium-2018",
        kind=EventKind.SYMPOSIUM,
        city_th="ฮานอย",
        city_en="Hanoi",
        spans=[(datetime.date(2018, 4, 25), datetime.date(2018, 4, 27))],
    )
    hidden_event = make_event(
        title_th="กิจกรรมที่ยังไม่เผยแพร่",
        slug="unpublished-event",
        is_published=False,
        spans=[(datetime.date(2019, 3, 1), datetime.date(2019, 3, 1))],
    )
    land = make_project(
        title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        title_en="",
        summary_th="ลดขั้นตอนการขอรับบริการที่ดิน",
        slug="land-services-prototype",
        track=Track.SERVICE_ISSUE,
        issue_area=land_issue,
        stage=Stage.PILOT,
        participating=[dlt],
        origin_event=launch,
    )
    drugs = make_project(
        title_th="ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด",
        title_en="Drug prevention and suppression prototype",
        slug="drug-prevention-prototype",
        track=Track.SERVICE_ISSUE,
        issue_area=drugs_issue,
        origin_event=hidden_event,
    )
    dlt_project = make_project(
        title_th="ต้นแบบนวัตกรรม กรมการขนส่งทางบก",
        title_en="Department of Land Transport prototype",
        slug="dlt-prototype",
        lead_agency=dlt,
        consultants=[nida],
    )
    pai = make_project(
        title_th="PAI Chatbot ข้อมูลสถานีตำรวจ",
        title_en="Police Artificial Intelligence (PAI Chatbot)",
        slug="pai-chatbot",
        lead_agency=police,
        fiscal_year=2562,
        stage=Stage.IDEA,
        origin_event=hackathon,
    )
    guide = make_project(
        title_th="The Guide Light แนะแนวการศึกษาสำหรับผู้พิการทางสายตา",
        title_en="The Guide Light",
        slug="the-guide-light",
        lead_agency=dlt,
        fiscal_year=2562,
        stage=Stage.ADOPTED,
    )
    hackathon.related_projects.add(guide)
    draft = make_project(
        title_th="โครงการที่ยังไม่เผยแพร่",
        slug="unpublished-prototype",
        lead_agency=dlt,
        stage=Stage.IDEA,
        is_published=False,
    )
    launch.related_projects.add(draft)
    hidden_event.related_projects.add(dlt_project)
    return SimpleNamespace(
        agencies=SimpleNamespace(ministry=ministry, dlt=dlt, police=police, nida=nida),
        issues=SimpleNamespace(land=land_issue, drugs=drugs_issue),
        events=SimpleNamespace(
            launch=launch, hackathon=hackathon, symposium=symposium, hidden=hidden_event
        ),
        projects=SimpleNamespace(
            land=land, drugs=drugs, dlt=dlt_project, pai=pai, guide=guide, draft=draft
        ),
    )
