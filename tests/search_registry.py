"""Records for the search tests: real Thai compounds, tone marks and abbreviations.

| project    | where the words are                               | agencies        |
|------------|---------------------------------------------------|-----------------|
| drugs      | title ...การป้องกันและปราบปรามยาเสพติด; issue area | -               |
| land       | Thai-only title ...การให้บริการด้านที่ดิน         | -               |
| disability | title ...คุณภาพชีวิตคนพิการ (no ผู้ anywhere)     | -               |
| guide      | summary ...ผู้พิการทางสายตา; issue area คนพิการ   | -               |
| pai        | title ปัญญาประดิษฐ์ตำรวจ (PAI Chatbot)            | lead police     |
| tourism    | title ส่งเสริมการท่องเที่ยวชุมชน                  | lead BMA        |
| pinning    | title จากเสียงของชุมชนสู่การพัฒนาที่ยั่งยืน       | BMA takes part  |
| draft      | unpublished, title ...ยาเสพติด                    | lead BMA        |
"""

import datetime
from types import SimpleNamespace

from agencies.models import AgencyKind
from events.models import EventKind
from projects.models import Track


def build(make_agency, make_issue_area, make_project, make_event) -> SimpleNamespace:
    bma = make_agency(
        name_th="กรุงเทพมหานคร",
        name_en="Bangkok Metropolitan Administration",
        short_name_th="กทม.",
        short_name_en="BMA",
        slug="bangkok-metropolitan-administration",
        kind=AgencyKind.LOCAL_ADMINISTRATION,
    )
    police = make_agency(
        name_th="สำนักงานตำรวจแห่งชาติ",
        name_en="Royal Thai Police",
        short_name_th="ตช.",
        short_name_en="RTP",
        slug="royal-thai-police",
        kind=AgencyKind.POLICE_OR_ARMED_FORCES,
    )
    drugs_area = make_issue_area(
        name_th="การป้องกันและปราบปรามยาเสพติด",
        name_en="Drug prevention and suppression",
        slug="drug-prevention",
    )
    land_area = make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    disability_area = make_issue_area(
        name_th="การส่งเสริมคุณภาพชีวิตคนพิการ",
        name_en="Quality of life of persons with disabilities",
        slug="disability",
    )
    service = {"track": Track.SERVICE_ISSUE}
    projects = SimpleNamespace(
        drugs=make_project(
            title_th="ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด",
            title_en="Drug prevention and suppression prototype",
            summary_th="ลดขั้นตอนการบำบัดผู้เสพ",
            summary_en="Fewer steps to treatment",
            slug="drug-prevention-prototype",
            issue_area=drugs_area,
            **service,
        ),
        land=make_project(
            title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
            title_en="",
            slug="land-services-prototype",
            issue_area=land_area,
            **service,
        ),
        disability=make_project(
            title_th="ต้นแบบนวัตกรรม การส่งเสริมคุณภาพชีวิตคนพิการ",
            title_en="Quality of life of persons with disabilities prototype",
            slug="disability-prototype",
            issue_area=disability_area,
            **service,
        ),
        guide=make_project(
            title_th="ชุดเครื่องมือ The Guide Light",
            title_en="The Guide Light",
            summary_th="การศึกษาต่อและอาชีพสำหรับผู้พิการทางสายตา",
            summary_en="University study and careers for visually impaired people",
            slug="the-guide-light",
            issue_area=disability_area,
            **service,
        ),
        pai=make_project(
            title_th="ปัญญาประดิษฐ์ตำรวจ (PAI Chatbot)",
            title_en="Police Artificial Intelligence (PAI Chatbot)",
            summary_th="ข้อมูลสถานีตำรวจสำหรับประชาชน",
            slug="pai-chatbot",
            lead_agency=police,
        ),
        tourism=make_project(
            title_th="ส่งเสริมการท่องเที่ยวชุมชน",
            title_en="Community tourism",
            slug="community-tourism",
            lead_agency=bma,
        ),
        pinning=make_project(
            title_th="จากเสียงของชุมชนสู่การพัฒนาที่ยั่งยืน",
            title_en="From community voices to sustainable development",
            summary_th="ปักหมุดข้อมูลชุมชนเพื่อการวางแผนท้องถิ่น",
            slug="community-data-pinning",
            lead_agency=police,
            participating=[bma],
        ),
        draft=make_project(
            title_th="ต้นแบบที่ยังไม่เผยแพร่ ยาเสพติด",
            title_en="Unpublished drug prototype",
            slug="unpublished-prototype",
            lead_agency=bma,
            is_published=False,
        ),
    )
    events = SimpleNamespace(
        hackathon=make_event(
            title_th="แฮกกาธอน My Better Country",
            title_en="My Better Country Hackathon",
            summary_th="ไอเดียจากประชาชน เช่น ปัญญาประดิษฐ์ตำรวจ",
            slug="my-better-country-hackathon-2019",
            kind=EventKind.HACKATHON,
            spans=[(datetime.date(2019, 8, 23), datetime.date(2019, 8, 25))],
        ),
        workshop=make_event(
            title_th="สัมมนาการป้องกันยาเสพติดในชุมชน",
            title_en="Workshop on drug prevention in communities",
            slug="drug-prevention-workshop",
        ),
        draft=make_event(
            title_th="กิจกรรมที่ยังไม่เผยแพร่ ยาเสพติด",
            slug="unpublished-event",
            is_published=False,
        ),
    )
    return SimpleNamespace(
        projects=projects,
        agencies=SimpleNamespace(bma=bma, police=police),
        events=events,
    )
