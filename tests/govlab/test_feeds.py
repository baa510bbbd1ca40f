"""Atom feeds: new projects, published updates, upcoming events, one per agency."""

import datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree

from projects.models import Project, Track
from updates.models import ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = ("projects", "updates", "events")
OPDC = {
    "th": "สำนักงานคณะกรรมการพัฒนาระบบราชการ (สำนักงาน ก.พ.ร.)",
    "en": "Office of the Public Sector Development Commission (OPDC)",
}


def days_from_today(n):
    day = timezone.localdate() + datetime.timedelta(days=n)
    return ((day, day),)


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event, django_user_model):
    """DLT's records, published and not, and one of BMA's that DLT only joins."""
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
    )
    bma = make_agency(
        name_th="กรุงเทพมหานคร",
        name_en="Bangkok Metropolitan Administration",
        slug="bma",
    )
    licence = make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        title_en="Digital driving licence prototype",
        summary_th="ต่อใบขับขี่ได้ในแอป",
        summary_en='Renew a licence in the "DLT" app <fast>',
        slug="digital-driving-licence",
        lead_agency=dlt,
    )
    land = make_project(
        title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        title_en="",
        slug="land-services",
        track=Track.SERVICE_ISSUE,
        participating=[dlt],
    )
    bus = make_project(
        title_th="ต้นแบบนวัตกรรม รถโดยสารอัจฉริยะ",
        title_en="Smart bus prototype",
        slug="smart-bus",
        lead_agency=bma,
    )
    hidden = make_project(
        title_th="ร่างโครงการที่ยังไม่เผยแพร่",
        title_en="Unpublished draft project",
        slug="unpublished",
        lead_agency=dlt,
        is_published=False,
    )
    # Newest created first: the licence project is the newest.
    for age, project in enumerate((licence, land, bus, hidden)):
        Project.objects.filter(pk=project.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=age)
        )
    author = django_user_model.objects.create_user(
        username="somsri.reporter", first_name="สมศรี", last_name="ใจดี"
    )

    def update(project, status, title_th, title_en=""):
        return ProjectUpdate.objects.create(
            project=project,
            agency=project.lead_agency or dlt,
            author=author,
            status=status,
            title_th=title_th,
            title_en=title_en,
            body_th="ประชาชนกว่า 500 คนทดลองใช้",
            reported_on=datetime.date(2025, 2, 21),
            reviewed_at=timezone.now() if status == ReviewStatus.APPROVED else None,
        )

    approved = update(
        licence, ReviewStatus.APPROVED, "ทดลองให้บริการที่สำนักงานขนส่ง", "Trial at offices"
    )
    bus_update = update(bus, ReviewStatus.APPROVED, "ทดลองเดินรถสายแรก", "First route")
    draft = update(licence, ReviewStatus.DRAFT, "ร่างรายงานความคืบหน้า")
    submitted = update(licence, ReviewStatus.SUBMITTED, "รายงานที่รอตรวจ")
    on_hidden = update(hidden, ReviewStatus.APPROVED, "รายงานของโครงการที่ไม่เผยแพร่")
    workshop = make_event(
        title_th="สัมมนาห้องปฏิบัติการนวัตกรรมภาครัฐ",
        title_en="Gov Lab workshop",
        slug="gov-lab-workshop",
        spans=days_from_today(10),
    )
    workshop.organisers.add(dlt)
    past = make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="hackathon-2019",
        spans=((datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),),
    )
    past.partners.add(dlt)
    unpublished_event = make_event(
        title_th="กิจกรรมที่ยังไม่เผยแพร่",
        title_en="Unpublished event",
        slug="unpublished-event",
        spans=days_from_today(5),
        is_published=False,
    )
    unpublished_event.organisers.add(dlt)
    return locals()


def fetch(client, path):
    """The feed at path, checked well-formed by lxml and feedparser."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = etree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return root, parsed


def titles(parsed):
    return [entry.title for entry in parsed.entries]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("name", FEEDS)
def test_each_feed_is_well_formed_atom_in_the_page_language(
    client, registry, lang, name
):
    """Every feed parses as Atom, says its language, and has what Atom requires."""
    root, parsed = fetch(client, f"/{lang}/feeds/{name}.atom")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert parsed.feed.id == f"http://testserver/{lang}/feeds/{name}.atom"
    assert parsed.feed.author == OPDC[lang]
    assert parsed.entries
    for entry in root.iter(f"{ATOM}entry"):
        for child in ("id", "title", "updated", "author", "link", "summary"):
            assert entry.find(f"{ATOM}{child}") is not None, child


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "th",
            [
                "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
                "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
                "ต้นแบบนวัตกรรม รถโดยสารอัจฉริยะ",
            ],
        ),
        (
            "en",
            [
                "Digital driving licence prototype",
                "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
                "Smart bus prototype",
            ],
        ),
    ],
)
def test_projects_feed_lists_published_projects_newest_first(
    client, registry, lang, expected
):
    """Every published project, newest first, in the language or else in Thai."""
    _root, parsed = fetch(client, f"/{lang}/feeds/projects.atom")
    assert titles(parsed) == expected
    first = parsed.entries[0]
    assert first.link == f"http://testserver/{lang}/projects/digital-driving-licence/"
    assert first.author in {"กรมการขนส่งทางบก", "Department of Land Transport"}
    # The service-issue project has no lead agency: OPDC, which runs the track.
    assert parsed.entries[1].author == OPDC[lang]


def test_projects_feed_summary_is_escaped_text(client, registry):
    """Quotes and angle brackets in a summary stay text, never markup."""
    _root, parsed = fetch(client, "/en/feeds/projects.atom")
    summary = parsed.entries[0].summary
    assert "&lt;fast&gt;" in summary
    assert "<fast>" not in summary


@pytest.mark.parametrize("lang", ["th", "en"])
def test_updates_feed_has_only_approved_updates_of_published_projects(
    client, registry, lang
):
    """Drafts, submissions and updates of unpublished projects never appear."""
    _root, parsed = fetch(client, f"/{lang}/feeds/updates.atom")
    if lang == "th":
        expected = {
            "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล: ทดลองให้บริการที่สำนักงานขนส่ง",
            "ต้นแบบนวัตกรรม รถโดยสารอัจฉริยะ: ทดลองเดินรถสายแรก",
        }
    else:
        expected = {
            "Digital driving licence prototype: Trial at offices",
            "Smart bus prototype: First route",
        }
    assert set(titles(parsed)) == expected


def test_updates_feed_is_newest_first_and_names_no_person(client, registry):
    """The latest approval comes first; authors are agencies, never staff."""
    ProjectUpdate.objects.filter(pk=registry["approved"].pk).update(
        reviewed_at=timezone.now() - datetime.timedelta(days=3)
    )
    response = client.get("/th/feeds/updates.atom")
    parsed = feedparser.parse(response.content)
    assert titles(parsed)[0].endswith("ทดลองเดินรถสายแรก")
    assert [entry.author for entry in parsed.entries] == [
        "กรุงเทพมหานคร",
        "กรมการขนส่งทางบก",
    ]
    body = response.content.decode()
    for personal in ("somsri", "สมศรี", "ใจดี"):
        assert personal not in body


@pytest.mark.parametrize(
    ("lang", "title"),
    [("th", "สัมมนาห้องปฏิบัติการนวัตกรรมภาครัฐ"), ("en", "Gov Lab workshop")],
)
def test_events_feed_lists_upcoming_published_events(client, registry, lang, title):
    """Upcoming published events only: no past or unpublished event."""
    _root, parsed = fetch(client, f"/{lang}/feeds/events.atom")
    assert titles(parsed) == [title]
    assert parsed.entries[0].author in {
        "กรมการขนส่งทางบก",
        "Department of Land Transport",
    }


@pytest.mark.parametrize("lang", ["th", "en"])
def test_agency_feed_has_its_projects_updates_and_events(client, registry, lang):
    """Projects it leads or joins, their approved updates, its published events."""
    _root, parsed = fetch(
        client, f"/{lang}/agencies/department-of-land-transport/feed.atom"
    )
    got = titles(parsed)
    if lang == "th":
        expected = {
            "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
            "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
            "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล: ทดลองให้บริการที่สำนักงานขนส่ง",
            "สัมมนาห้องปฏิบัติการนวัตกรรมภาครัฐ",
            "แฮกกาธอน My Better Country",
        }
        assert parsed.feed.title.startswith("กรมการขนส่งทางบก")
    else:
        expected = {
            "Digital driving licence prototype",
            "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
            "Digital driving licence prototype: Trial at offices",
            "Gov Lab workshop",
            "My Better Country Hackathon",
        }
        assert parsed.feed.title.startswith("Department of Land Transport")
    assert set(got) == expected
    assert len(got) == len(expected)


def test_agency_feed_of_unknown_agency_is_not_found(client, registry):
    """An agency slug that does not exist gives 404."""
    assert client.get("/th/agencies/no-such-agency/feed.atom").status_code == 404


def test_entry_ids_are_stable_tag_uris_distinct_by_language(client, registry, settings):
    """Ids do not change between requests or host names, and differ per entry."""
    settings.SITE_URL = "https://govlab.opdc.go.th"
    first = feedparser.parse(client.get("/th/feeds/projects.atom").content)
    again = feedparser.parse(
        client.get("/th/feeds/projects.atom", HTTP_HOST="127.0.0.1").content
    )
    english = feedparser.parse(client.get("/en/feeds/projects.atom").content)
    ids = [entry.id for entry in first.entries]
    assert ids == [entry.id for entry in again.entries]
    assert len(set(ids)) == len(ids)
    project = registry["licence"]
    day = timezone.localdate(project.created_at).isoformat()
    assert ids[0] == f"tag:govlab.opdc.go.th,{day}:th/project/{project.pk}"
    assert (
        english.entries[0].id == f"tag:govlab.opdc.go.th,{day}:en/project/{project.pk}"
    )


def test_entry_dates_come_from_the_record(client, registry):
    """An entry's updated date is the record's last change, published its creation."""
    parsed = feedparser.parse(client.get("/en/feeds/projects.atom").content)
    project = Project.objects.get(slug="digital-driving-licence")
    entry = parsed.entries[0]
    updated = datetime.datetime.fromisoformat(entry.updated)
    published = datetime.datetime.fromisoformat(entry.published)
    assert updated == project.updated_at
    assert published == project.created_at


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_each_feed_costs_the_same_queries_for_3_or_30_records(
    client, make_agency, make_project, make_event
):
    """No feed makes a query per entry."""
    agency = make_agency(slug="dlt")
    paths = [f"/en/feeds/{name}.atom" for name in FEEDS] + [
        "/en/agencies/dlt/feed.atom"
    ]

    def add(n):
        for _ in range(n):
            project = make_project(lead_agency=agency, participating=[make_agency()])
            ProjectUpdate.objects.create(
                project=project,
                agency=agency,
                status=ReviewStatus.APPROVED,
                title_th="รายงาน",
                body_th="ข้อความ",
                reported_on=datetime.date(2025, 1, 1),
            )
            event = make_event(spans=days_from_today(3))
            event.organisers.add(agency, make_agency())

    add(3)
    few = [count_queries(client, path) for path in paths]
    add(27)
    assert [count_queries(client, path) for path in paths] == few
