"""A small FY2562-2563 registry in real Thai and English, for the project pages."""

import datetime
from types import SimpleNamespace

import pytest

from agencies.models import AgencyKind
from events.models import EventKind
from projects.models import Stage, Track


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    """Six published projects and one unpublished, with agencies and events.

    | project    | track         | issue / lead | FY   | stage     | agencies | event  |
    |------------|---------------|--------------|------|-----------|----------|--------|
    | drugs      | service-issue | drugs        | 2563 | prototype | -        | launch |
    | land       | service-issue | land         | 2563 | pilot     | dlt      | -      |
    | dlt        | agency        | dlt          | 2563 | prototype | -        | -      |
    | irrigation | agency        | rid          | 2563 | adopted   | dlt      | -      |
    | pai        | agency        | police       | 2562 | idea      | -        | hack   |
    | guide      | service-issue | disability   | 2562 | idea      | -        | hack*  |
    | draft      | agency        | dlt          | 2563 | idea      | unpublished     |
    (* the hackathon lists it as related; the others came out of the event.)
    """
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
    )
    rid = make_agency(
        name_th="กรมชลประทาน", name_en="Royal Irrigation Department", slug="rid"
    )
    police = make_agency(
        name_th="สำนักงานตำรวจแห่งชาติ",
        name_en="Royal Thai Police",
        slug="royal-thai-police",
        kind=AgencyKind.POLICE_OR_ARMED_FORCES,
    )
    nida = make_agency(
        name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์",
        name_en="National Institute of Development Administration",
        slug="nida",
        kind=AgencyKind.ACADEMIC_INSTITUTION,
    )
    drugs = make_issue_area(
        name_th="การป้องกันและปราบปรามยาเสพติด",
        name_en="Drug prevention and suppression",
        slug="drug-prevention",
    )
    land = make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    disability = make_issue_area(
        name_th="การส่งเสริมคุณภาพชีวิตคนพิการ",
        name_en="Quality of life of persons with disabilities",
        slug="disability",
    )
    hackathon = make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="my-better-country-hackathon-2019",
        kind=EventKind.HACKATHON,
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    launch = make_event(
        title_th="เปิดตัวห้องปฏิบัติการนวัตกรรมภาครัฐ",
        title_en="Gov Lab launch",
        slug="gov-lab-launch-2020",
        kind=EventKind.LAUNCH,
    )
    projects = SimpleNamespace(
        drugs=make_project(
            title_th="ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด",
            title_en="Drug prevention and suppression prototype",
            summary_th="ลดขั้นตอนการบำบัดผู้เสพ",
            summary_en="Fewer steps to treatment",
            slug="drug-prevention-prototype",
            track=Track.SERVICE_ISSUE,
            issue_area=drugs,
            consultants=[nida],
            origin_event=launch,
            start_date=datetime.date(2020, 2, 21),
            end_date=datetime.date(2020, 8, 31),
        ),
        land=make_project(
            title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
            title_en="",
            slug="land-services-prototype",
            track=Track.SERVICE_ISSUE,
            issue_area=land,
            stage=Stage.PILOT,
            participating=[dlt],
        ),
        dlt=make_project(
            title_th="ต้นแบบนวัตกรรม กรมการขนส่งทางบก",
            title_en="Department of Land Transport prototype",
            slug="dlt-prototype",
            lead_agency=dlt,
        ),
        irrigation=make_project(
            title_th="ต้นแบบนวัตกรรม กรมชลประทาน",
            title_en="Royal Irrigation Department prototype",
            slug="rid-prototype",
            lead_agency=rid,
            stage=Stage.ADOPTED,
            participating=[dlt],
        ),
        pai=make_project(
            title_th="ปัญญาประดิษฐ์ตำรวจ (PAI Chatbot)",
            title_en="Police Artificial Intelligence (PAI Chatbot)",
            slug="pai-chatbot",
            lead_agency=police,
            fiscal_year=2562,
            stage=Stage.IDEA,
            origin_event=hackathon,
        ),
        guide=make_project(
            title_th="ชุดเครื่องมือ The Guide Light",
            title_en="The Guide Light",
            slug="the-guide-light",
            track=Track.SERVICE_ISSUE,
            issue_area=disability,
            fiscal_year=2562,
            stage=Stage.IDEA,
        ),
        draft=make_project(
            title_th="ต้นแบบที่ยังไม่เผยแพร่",
            title_en="Unpublished prototype",
            slug="unpublished-prototype",
            lead_agency=dlt,
            stage=Stage.IDEA,
            is_published=False,
        ),
    )
    hackathon.related_projects.add(projects.guide, projects.draft)
    return SimpleNamespace(
        projects=projects,
        agencies=SimpleNamespace(dlt=dlt, rid=rid, police=police, nida=nida),
        issues=SimpleNamespace(drugs=drugs, land=land, disability=disability),
        events=SimpleNamespace(hackathon=hackathon, launch=launch),
    )
