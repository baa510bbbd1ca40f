"""Synthetic agencies, issue areas and events, as rows (dicts of column values).

Agencies are fictitious and say so: numbered generic names with "สังเคราะห์" /
"Synthetic" in them and slugs starting synthetic-, so no outcome is ever put on a
real agency's name.
"""

import datetime

from agencies.models import AgencyKind
from govlab.dates import fiscal_year_bounds
from govlab.synthetic import vocabulary as words
from govlab.synthetic.plan import (
    EVENT_KINDS,
    ORIGIN_EVENT_KINDS,
    PUBLISHED_EVENTS,
    SLUG_PREFIX,
    Picker,
    Registry,
)

# Kind, share of agencies, Thai and English name before the number.
AGENCY_KINDS = (
    (AgencyKind.GOVERNMENT_DEPARTMENT, 55, "กรมสังเคราะห์ที่", "Synthetic Department"),
    (AgencyKind.LOCAL_ADMINISTRATION, 14, "เทศบาลสังเคราะห์ที่", "Synthetic Municipality"),
    (AgencyKind.STATE_ENTERPRISE, 9, "รัฐวิสาหกิจสังเคราะห์ที่", "Synthetic Enterprise"),
    (AgencyKind.ACADEMIC_INSTITUTION, 9, "มหาวิทยาลัยสังเคราะห์ที่", "Synthetic University"),
    (AgencyKind.INDEPENDENT_BODY, 4, "สำนักงานอิสระสังเคราะห์ที่", "Synthetic Office"),
    (AgencyKind.POLICE_OR_ARMED_FORCES, 3, "หน่วยบัญชาการสังเคราะห์ที่", "Synthetic Command"),
    (AgencyKind.PRIVATE_OR_CIVIL_SOCIETY, 4, "มูลนิธิสังเคราะห์ที่", "Synthetic Foundation"),
    (
        AgencyKind.INTERNATIONAL_ORGANISATION,
        2,
        "องค์การระหว่างประเทศสังเคราะห์ที่",
        "Synthetic International Organisation",
    ),
)
# Agencies that advise and partner rather than lead a project.
ADVISER_KINDS = {
    AgencyKind.ACADEMIC_INSTITUTION,
    AgencyKind.PRIVATE_OR_CIVIL_SOCIETY,
    AgencyKind.INTERNATIONAL_ORGANISATION,
}
MINISTRY = ("กระทรวงสังเคราะห์ที่", "Synthetic Ministry")
AGENCY_NOTE = (
    "หน่วยงานสังเคราะห์สำหรับทดสอบระบบ ไม่ใช่หน่วยงานจริง",
    "A synthetic agency for testing the registry; not a real agency.",
)
ISSUE_AREA_NOTE = (
    "ประเด็นปัญหาสังเคราะห์สำหรับทดสอบระบบ",
    "A synthetic issue area for testing the registry.",
)
# Start of the oldest fiscal year: when the synthetic agencies were entered.
REGISTRY_START = datetime.date(2017, 10, 1)


def _agency_kinds(count: int) -> list[tuple]:
    """Kinds in proportion to their shares, at least one department and one
    university as soon as there are two agencies."""
    shares = {row[0]: row for row in AGENCY_KINDS}
    kinds = [row for row in AGENCY_KINDS for _ in range(row[1] * count // 100)]
    for required in (AgencyKind.GOVERNMENT_DEPARTMENT, AgencyKind.ACADEMIC_INSTITUTION):
        if len(kinds) < count and not any(row[0] == required for row in kinds):
            kinds.append(shares[required])
    kinds += [shares[AgencyKind.GOVERNMENT_DEPARTMENT]] * (count - len(kinds))
    return kinds[:count]


def agencies_make(registry: Registry, *, count: int, first_pk: int) -> list[dict]:
    """count agencies; one department in eight is a ministry above some others."""
    kinds = _agency_kinds(count)
    registry.rng.shuffle(kinds)
    ministries: list[dict] = []
    agencies = []
    for number, (kind, _share, name_th, name_en) in enumerate(kinds, start=1):
        is_ministry = kind == AgencyKind.GOVERNMENT_DEPARTMENT and number % 8 == 1
        if is_ministry:
            name_th, name_en = MINISTRY
        created = registry.at_work(
            REGISTRY_START + datetime.timedelta(days=registry.between(0, 365))
        )
        agency = {
            "id": first_pk + number - 1,
            "name_th": f"{name_th} {number}",
            "name_en": f"{name_en} {number}",
            "short_name_th": f"สค.{number}",
            "short_name_en": f"SYN-{number}",
            "slug": f"{SLUG_PREFIX}agency-{number}",
            "kind": kind,
            "website": (
                f"https://www.example.org/synthetic/agency-{number}"
                if registry.chance(0.5)
                else ""
            ),
            "description_th": AGENCY_NOTE[0],
            "description_en": AGENCY_NOTE[1],
            "created_at": created,
            "updated_at": created,
            "parent_id": None,
        }
        if kind == AgencyKind.GOVERNMENT_DEPARTMENT and not is_ministry and ministries:
            if registry.chance(0.6):
                agency["parent_id"] = registry.texts.pick(ministries)["id"]
        if is_ministry:
            ministries.append(agency)
        agencies.append(agency)
    registry.use_agencies(agencies, ADVISER_KINDS)
    return agencies


def issue_areas_make(registry: Registry, *, first_pk: int) -> list[dict]:
    """The issue areas of the service-issue track, one per vocabulary entry."""
    areas = [
        {
            "id": first_pk + index,
            "slug": f"{SLUG_PREFIX}{slug}",
            "name_th": name_th,
            "name_en": name_en,
            "description_th": ISSUE_AREA_NOTE[0],
            "description_en": ISSUE_AREA_NOTE[1],
        }
        for index, (slug, name_th, name_en) in enumerate(words.ISSUE_AREAS)
    ]
    registry.issue_areas = areas
    return areas


def _spans(registry: Registry, event: dict, kind: str, fiscal_year: int):
    first_day, last_day = fiscal_year_bounds(fiscal_year)
    start = first_day + datetime.timedelta(days=registry.between(0, 360))
    spans = []
    count = 2 if registry.chance(0.33 if kind == "hackathon" else 0.04) else 1
    longest = {"hackathon": 3, "conference": 3, "symposium": 3, "workshop": 2}
    for _ in range(count):
        end = start + datetime.timedelta(days=registry.between(0, longest.get(kind, 1)))
        spans.append({"event_id": event["id"], "start": start, "end": end})
        start = end + datetime.timedelta(days=registry.between(3, 10))
    return spans


def _place(registry: Registry, kind: str) -> dict:
    if kind in ("symposium", "conference") and registry.chance(0.15):
        city_th, city_en, country_th, country_en = registry.texts.pick(words.ABROAD)
    else:
        city_th, city_en = (
            words.PLACES[0]
            if registry.chance(0.33)
            else registry.texts.pick(words.PLACES)
        )
        country_th, country_en = "ไทย", "Thailand"
    venue_th, venue_en = registry.texts.pick(words.VENUES)
    return {
        "venue_th": venue_th,
        "venue_en": venue_en,
        "city_th": city_th,
        "city_en": city_en,
        "country_th": country_th,
        "country_en": country_en,
    }


def events_make(registry: Registry, *, count: int, first_pk: int):
    """count events with their date spans and (event, agency) organiser and partner
    pairs."""
    kinds = Picker(EVENT_KINDS, EVENT_KINDS.values())
    events, spans, organisers, partners = [], [], [], []
    meetings: dict[int, int] = {}
    for index in range(count):
        kind, fiscal_year = kinds(registry.rng), registry.fiscal_years(registry.rng)
        if kind == "committee-meeting":
            meetings[fiscal_year] = meetings.get(fiscal_year, 0) + 1
        place = _place(registry, kind)
        online = registry.chance(
            0.5 if kind in ("committee-meeting", "series") else 0.1
        )
        event = dict(
            id=first_pk + index,
            fiscal_year=fiscal_year,
            slug=f"{SLUG_PREFIX}{kind}-{fiscal_year}-{index + 1}",
            kind=kind,
            is_online=online,
            is_published=registry.chance(PUBLISHED_EVENTS),
            link=f"https://www.example.org/synthetic/event-{index + 1}"
            if registry.chance(0.5)
            else "",
            **place,
            **registry.texts.event(
                kind=kind,
                fiscal_year=fiscal_year,
                number=meetings.get(fiscal_year, 0),
                place=(place["city_th"], place["city_en"]),
            ),
        )
        event_spans = _spans(registry, event, kind, fiscal_year)
        event["created_at"] = registry.at_work(
            event_spans[0]["start"] - datetime.timedelta(days=registry.between(7, 60))
        )
        event["updated_at"] = registry.at_work(event_spans[-1]["end"])
        spans += event_spans
        _add_agencies(registry, event, organisers, partners)
        events.append(event)
        registry.events_by_year.setdefault(fiscal_year, []).append(event)
        if kind in ORIGIN_EVENT_KINDS:
            registry.origins_by_year.setdefault(fiscal_year, []).append(event)
    return events, spans, organisers, partners


def _add_agencies(registry: Registry, event: dict, organisers, partners) -> None:
    chosen = {registry.leads(registry.rng)["id"] for _ in range(registry.between(1, 2))}
    organisers += [(event["id"], agency) for agency in sorted(chosen)]
    helpers = {
        registry.partners(registry.rng)["id"] for _ in range(registry.between(0, 3))
    }
    partners += [(event["id"], agency) for agency in sorted(helpers - chosen)]
