"""A small registry for the statistics page, with every count worked out below."""

import datetime
from types import SimpleNamespace

import pytest

from events.models import EventKind
from projects.models import Stage, Track


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    """Six published projects and one draft; five published events and one draft.

    | project    | track         | issue / lead | FY   | stage     | taking part |
    |------------|---------------|--------------|------|-----------|-------------|
    | drugs      | service-issue | drugs        | 2563 | prototype | dlt         |
    | land       | service-issue | land         | 2563 | pilot     | dlt, rid    |
    | disability | service-issue | disability   | 2561 | idea      | -           |
    | dlt        | agency        | dlt          | 2563 | prototype | dlt (lead)  |
    | rid        | agency        | rid          | 2563 | adopted   | dlt         |
    | pai        | agency        | police       | 2561 | idea      | -           |
    | draft      | agency        | dlt          | 2563 | idea      | rid (draft) |

    Agencies: dlt 4 (drugs, land, dlt, rid), rid 2 (land, rid), police 1.

    | event      | kind              | dates                      |
    |------------|-------------------|----------------------------|
    | symposium  | symposium         | 25-27 Apr 2018             |
    | hackathon  | hackathon         | 18 and 23-25 Aug 2019      |
    | launch     | launch            | 21 Feb 2020                |
    | series     | series            | 15 Nov 2022 - 28 Feb 2023  |
    | meeting    | committee-meeting | none yet                   |
    | draft      | workshop          | 2019, unpublished          |
    """
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
    )
    rid = make_agency(
        name_th="กรมชลประทาน", name_en="Royal Irrigation Department", slug="rid"
    )
    police = make_agency(
        name_th="สำนักงานตำรวจแห่งชาติ", name_en="", slug="royal-thai-police"
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
    service = {"track": Track.SERVICE_ISSUE}
    projects = SimpleNamespace(
        drugs=make_project(**service, issue_area=drugs, participating=[dlt]),
        land=make_project(
            **service, issue_area=land, stage=Stage.PILOT, participating=[dlt, rid]
        ),
        disability=make_project(
            **service, issue_area=disability, fiscal_year=2561, stage=Stage.IDEA
        ),
        dlt=make_project(lead_agency=dlt, participating=[dlt]),
        rid=make_project(lead_agency=rid, stage=Stage.ADOPTED, participating=[dlt]),
        pai=make_project(lead_agency=police, fiscal_year=2561, stage=Stage.IDEA),
        draft=make_project(
            lead_agency=dlt, stage=Stage.IDEA, participating=[rid], is_published=False
        ),
    )
    day = datetime.date
    events = SimpleNamespace(
        symposium=make_event(
            kind=EventKind.SYMPOSIUM, spans=[(day(2018, 4, 25), day(2018, 4, 27))]
        ),
        hackathon=make_event(
            kind=EventKind.HACKATHON,
            spans=[
                (day(2019, 8, 18), day(2019, 8, 18)),
                (day(2019, 8, 23), day(2019, 8, 25)),
            ],
        ),
        launch=make_event(
            kind=EventKind.LAUNCH, spans=[(day(2020, 2, 21), day(2020, 2, 21))]
        ),
        series=make_event(
            kind=EventKind.SERIES, spans=[(day(2022, 11, 15), day(2023, 2, 28))]
        ),
        meeting=make_event(kind=EventKind.COMMITTEE_MEETING, spans=()),
        draft=make_event(
            kind=EventKind.WORKSHOP,
            spans=[(day(2019, 3, 1), day(2019, 3, 1))],
            is_published=False,
        ),
    )
    return SimpleNamespace(
        projects=projects,
        agencies=SimpleNamespace(dlt=dlt, rid=rid, police=police),
        issues=SimpleNamespace(drugs=drugs, land=land, disability=disability),
        events=events,
    )
