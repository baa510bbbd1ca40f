"""The demo data in fixtures/: loads idempotently and holds the facts of DOMAIN.md."""

import datetime
import re

import pytest
from django.core.management import call_command
from django.db import IntegrityError
from django.template import Context, Template
from django.utils import translation

from agencies.models import Agency, AgencyKind
from events.models import Event, EventDateSpan, EventKind
from govlab.dates import fiscal_year_of
from projects.models import IssueArea, Project, Stage, Track

pytestmark = pytest.mark.django_db

D = datetime.date

# slug, Thai name, kind: every agency and partner that DOMAIN.md names.
AGENCIES = [
    (
        "office-of-the-public-sector-development-commission",
        "สำนักงานคณะกรรมการพัฒนาระบบราชการ",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
    (
        "united-nations-development-programme",
        "โครงการพัฒนาแห่งสหประชาชาติ",
        AgencyKind.INTERNATIONAL_ORGANISATION,
    ),
    ("mahidol-university", "มหาวิทยาลัยมหิดล", AgencyKind.ACADEMIC_INSTITUTION),
    (
        "national-institute-of-development-administration",
        "สถาบันบัณฑิตพัฒนบริหารศาสตร์",
        AgencyKind.ACADEMIC_INSTITUTION,
    ),
    (
        "department-of-agricultural-extension",
        "กรมส่งเสริมการเกษตร",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
    ("royal-irrigation-department", "กรมชลประทาน", AgencyKind.GOVERNMENT_DEPARTMENT),
    ("customs-department", "กรมศุลกากร", AgencyKind.GOVERNMENT_DEPARTMENT),
    ("royal-thai-police", "สำนักงานตำรวจแห่งชาติ", AgencyKind.POLICE_OR_ARMED_FORCES),
    (
        "department-of-industrial-works",
        "กรมโรงงานอุตสาหกรรม",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
    (
        "department-of-land-transport",
        "กรมการขนส่งทางบก",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
    (
        "bangkok-metropolitan-administration",
        "กรุงเทพมหานคร",
        AgencyKind.LOCAL_ADMINISTRATION,
    ),
    ("royal-thai-army", "กองทัพบก", AgencyKind.POLICE_OR_ARMED_FORCES),
    (
        "bangkok-mass-transit-authority",
        "องค์การขนส่งมวลชนกรุงเทพ",
        AgencyKind.STATE_ENTERPRISE,
    ),
    (
        "office-of-the-nbtc",
        "สำนักงานคณะกรรมการกิจการกระจายเสียง กิจการโทรทัศน์ และกิจการโทรคมนาคมแห่งชาติ",
        AgencyKind.INDEPENDENT_BODY,
    ),
    (
        "ministry-of-home-affairs-vietnam",
        "กระทรวงมหาดไทย สาธารณรัฐสังคมนิยมเวียดนาม",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
    (
        "institute-of-state-organizational-sciences",
        "Institute of State Organizational Sciences",
        AgencyKind.ACADEMIC_INSTITUTION,
    ),
    (
        "korea-research-institute-unsw-sydney",
        "Korea Research Institute, the University of New South Wales, Sydney",
        AgencyKind.ACADEMIC_INSTITUTION,
    ),
    (
        "academy-of-korean-studies",
        "Academy of Korean Studies",
        AgencyKind.ACADEMIC_INSTITUTION,
    ),
    (
        "mckinsey-and-company",
        "แมคคินซี่ แอนด์ คอมพานี",
        AgencyKind.PRIVATE_OR_CIVIL_SOCIETY,
    ),
    (
        "thailand-development-research-institute",
        "สถาบันวิจัยเพื่อการพัฒนาประเทศไทย",
        AgencyKind.PRIVATE_OR_CIVIL_SOCIETY,
    ),
    (
        "national-innovation-agency",
        "สำนักงานนวัตกรรมแห่งชาติ (องค์การมหาชน)",
        AgencyKind.GOVERNMENT_DEPARTMENT,
    ),
]
# slug, the Thai name used in the prototype's title (NBTC: its short name).
TRACK_AGENCIES = [
    ("department-of-agricultural-extension", "กรมส่งเสริมการเกษตร"),
    ("royal-irrigation-department", "กรมชลประทาน"),
    ("customs-department", "กรมศุลกากร"),
    ("royal-thai-police", "สำนักงานตำรวจแห่งชาติ"),
    ("department-of-industrial-works", "กรมโรงงานอุตสาหกรรม"),
    ("department-of-land-transport", "กรมการขนส่งทางบก"),
    ("bangkok-metropolitan-administration", "กรุงเทพมหานคร"),
    ("royal-thai-army", "กองทัพบก"),
    ("bangkok-mass-transit-authority", "องค์การขนส่งมวลชนกรุงเทพ"),
    ("office-of-the-nbtc", "สำนักงาน กสทช."),
]
ISSUE_AREAS = [
    "การป้องกันและปราบปรามยาเสพติด",
    "การให้บริการด้านที่ดิน",
    "การส่งเสริมคุณภาพชีวิตคนพิการ",
]
# slug, kind, date spans
EVENTS = [
    (
        "kri-opdc-reform-policy-symposium-2018",
        EventKind.SYMPOSIUM,
        [(D(2018, 4, 25), D(2018, 4, 27))],
    ),
    (
        "my-better-country-hackathon-2019",
        EventKind.HACKATHON,
        [(D(2019, 8, 18), D(2019, 8, 18)), (D(2019, 8, 23), D(2019, 8, 25))],
    ),
    ("gov-lab-2563-launch", EventKind.LAUNCH, [(D(2020, 2, 21), D(2020, 2, 21))]),
    (
        "opdc-sub-committee-future-civil-service-1-2564",
        EventKind.COMMITTEE_MEETING,
        [(D(2021, 2, 16), D(2021, 2, 16))],
    ),
    ("govtech-next-move-2023", EventKind.SERIES, [(D(2023, 5, 12), D(2023, 5, 12))]),
]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture
def demo(db):
    call_command("load_demo_data", verbosity=0)


def snapshot():
    """Every demo row, relation rows included, as comparable tuples."""
    return {
        "agencies": list(Agency.objects.values_list("pk", "slug", "parent")),
        "issues": list(IssueArea.objects.values_list("pk", "slug")),
        "projects": list(Project.objects.order_by("pk").values_list("pk", "slug")),
        "events": list(Event.objects.values_list("pk", "slug")),
        "spans": list(EventDateSpan.objects.values_list("pk", "event", "start")),
        "consultants": Project.consultants.through.objects.count(),
        "organisers": Event.organisers.through.objects.count(),
        "partners": Event.partners.through.objects.count(),
        "related": Event.related_projects.through.objects.count(),
    }


def test_command_loads_the_demo_data(demo):
    """One command fills the registry with agencies, issues, projects and events."""
    assert Agency.objects.count() == len(AGENCIES)
    assert IssueArea.objects.count() == 3
    assert Project.objects.count() == 17
    assert Event.objects.count() == 5
    assert EventDateSpan.objects.count() == 6


def test_loading_twice_updates_instead_of_duplicating(demo):
    """A second run leaves the same rows and puts back what an editor changed."""
    before = snapshot()
    Project.objects.filter(slug="the-guide-light").update(title_th="แก้ไขแล้ว")
    call_command("load_demo_data", verbosity=0)
    assert snapshot() == before
    assert Project.objects.get(slug="the-guide-light").title_th == "The Guide Light"


def test_a_failed_load_leaves_nothing_behind(db):
    """The load is one transaction: a clash on one record loads no other record."""
    Agency.objects.create(
        pk=999,
        slug="department-of-land-transport",
        name_th="กรมการขนส่งทางบก",
        kind=AgencyKind.GOVERNMENT_DEPARTMENT,
    )
    with pytest.raises(IntegrityError):
        call_command("load_demo_data", verbosity=0)
    assert list(Agency.objects.values_list("pk", flat=True)) == [999]
    assert not Project.objects.exists()
    assert not Event.objects.exists()


@pytest.mark.parametrize(("slug", "name_th", "kind"), AGENCIES)
def test_every_agency_has_its_thai_name_and_kind(demo, slug, name_th, kind):
    """Each agency named in DOMAIN.md is there with its Thai name and kind."""
    agency = Agency.objects.get(slug=slug)
    assert (agency.name_th, agency.kind) == (name_th, kind)
    assert agency.name_en


def test_abbreviations_and_parent(demo):
    """Common abbreviations are kept, and the Vietnamese institute has its ministry."""
    short_names = dict(Agency.objects.values_list("slug", "short_name_th"))
    assert short_names["department-of-land-transport"] == "ขบ."
    assert short_names["bangkok-metropolitan-administration"] == "กทม."
    assert short_names["bangkok-mass-transit-authority"] == "ขสมก."
    assert short_names["royal-thai-police"] == "สตช."
    assert short_names["royal-thai-army"] == "ทบ."
    assert short_names["office-of-the-nbtc"] == "สำนักงาน กสทช."
    assert short_names["office-of-the-public-sector-development-commission"] == (
        "สำนักงาน ก.พ.ร."
    )
    institute = Agency.objects.get(slug="institute-of-state-organizational-sciences")
    assert institute.parent.name_en == "Ministry of Home Affairs of Vietnam"


def test_three_issue_areas(demo):
    """The service-issue track has exactly the three issue areas of FY2563."""
    assert sorted(IssueArea.objects.values_list("name_th", flat=True)) == sorted(
        ISSUE_AREAS
    )


@pytest.mark.parametrize("issue_th", ISSUE_AREAS)
def test_one_service_issue_prototype_per_issue_area(demo, issue_th):
    """Each issue area has one FY2563 prototype, with NIDA as consultant."""
    project = Project.objects.get(
        track=Track.SERVICE_ISSUE, fiscal_year=2563, issue_area__name_th=issue_th
    )
    assert project.stage == Stage.PROTOTYPE
    assert project.title_th == f"ต้นแบบนวัตกรรมงานบริการภาครัฐ: {issue_th}"
    assert [a.name_th for a in project.consultants.all()] == ["สถาบันบัณฑิตพัฒนบริหารศาสตร์"]
    assert project.origin_event.slug == "gov-lab-2563-launch"


@pytest.mark.parametrize(("slug", "agency_th"), TRACK_AGENCIES)
def test_one_agency_track_prototype_per_agency(demo, slug, agency_th):
    """Each of the ten agencies leads one FY2563 prototype, Mahidol consulting."""
    project = Project.objects.get(
        track=Track.AGENCY, fiscal_year=2563, lead_agency__slug=slug
    )
    assert project.stage == Stage.PROTOTYPE
    assert project.title_th == f"ต้นแบบนวัตกรรม {agency_th}"
    assert [a.name_th for a in project.consultants.all()] == ["มหาวิทยาลัยมหิดล"]
    assert project.origin_event.slug == "gov-lab-2563-launch"


def test_every_record_passes_full_clean(demo):
    """The demo data obeys every model rule, as the admin would check it."""
    for model in (Agency, IssueArea, Project, Event, EventDateSpan):
        for record in model.objects.all():
            record.full_clean()


def test_every_slug_is_english_lowercase_and_hyphenated(demo):
    """Slugs read as English words in the URL."""
    for model in (Agency, IssueArea, Project, Event):
        for slug in model.objects.values_list("slug", flat=True):
            assert SLUG.match(slug), slug


@pytest.mark.parametrize(("slug", "kind", "spans"), EVENTS)
def test_the_five_events_with_kinds_and_dates(demo, slug, kind, spans):
    """Each event is there, published, with its kind and its days."""
    event = Event.objects.get(slug=slug)
    assert event.kind == kind
    assert event.is_published
    assert list(event.date_spans.values_list("start", "end")) == spans


def test_hackathon_ideas_come_from_the_hackathon(demo):
    """The hackathon ran on two spans and its two ideas point back to it."""
    hackathon = Event.objects.get(slug="my-better-country-hackathon-2019")
    assert hackathon.date_spans.count() == 2
    ideas = Project.objects.filter(origin_event=hackathon).order_by("slug")
    assert [p.title_en for p in ideas] == [
        "PAI Chatbot (Police Artificial Intelligence)",
        "The Guide Light",
    ]
    assert set(hackathon.related_projects.all()) == set(ideas)
    first_day = hackathon.date_spans.first().start
    for idea in ideas:
        assert idea.stage == Stage.IDEA
        assert idea.fiscal_year == fiscal_year_of(first_day) == 2562
    pai, guide_light = ideas
    assert pai.track == Track.AGENCY
    assert pai.lead_agency.name_th == "สำนักงานตำรวจแห่งชาติ"
    assert guide_light.track == Track.SERVICE_ISSUE
    assert guide_light.issue_area.name_th == "การส่งเสริมคุณภาพชีวิตคนพิการ"


def test_pilot_activities(demo):
    """The two My Better Country pilots are FY2562 pilots led by OPDC."""
    pilots = Project.objects.filter(stage=Stage.PILOT)
    assert sorted(p.title_th for p in pilots) == sorted(
        ["ส่งเสริมเด็กไทยใส่ใจการมีส่วนร่วม", "จากเสียงของชุมชนสู่การพัฒนาที่ยั่งยืน"]
    )
    for pilot in pilots:
        assert (pilot.track, pilot.fiscal_year) == (Track.AGENCY, 2562)
        assert pilot.lead_agency.short_name_en == "OPDC"
        assert pilot.origin_event is None


def test_launch_links_organisers_partners_and_prototypes(demo):
    """The launch names OPDC, its three partners and the thirteen prototypes."""
    launch = Event.objects.get(slug="gov-lab-2563-launch")
    assert launch.venue_th == "ห้อง Auditorium ชั้น 3 C asean อาคาร ThaiBev Quarter"
    assert (launch.city_en, launch.country_en) == ("Bangkok", "Thailand")
    assert [a.short_name_en for a in launch.organisers.all()] == ["OPDC"]
    assert {a.short_name_en for a in launch.partners.all()} == {"UNDP", "MU", "NIDA"}
    prototypes = Project.objects.filter(fiscal_year=2563, stage=Stage.PROTOTYPE)
    assert prototypes.count() == 13
    assert set(launch.related_projects.all()) == set(prototypes)


def test_sub_committee_meeting_was_also_online(demo):
    """Meeting 1/2564 was in the OPDC room and online, with McKinsey and TDRI."""
    meeting = Event.objects.get(slug="opdc-sub-committee-future-civil-service-1-2564")
    assert meeting.is_online
    assert meeting.venue_th == "ห้องประชุม ก.พ.ร. ชั้น 5"
    assert {a.name_en for a in meeting.partners.all()} == {
        "McKinsey & Company",
        "Thailand Development Research Institute",
    }


def test_no_invented_dates_or_stages(demo):
    """No project has a start or end date, nor a stage past what the sources say."""
    assert not Project.objects.filter(start_date__isnull=False).exists()
    assert not Project.objects.filter(end_date__isnull=False).exists()
    stages = dict(Project.objects.values_list("slug", "stage"))
    assert set(stages.values()) == {Stage.IDEA, Stage.PROTOTYPE, Stage.PILOT}
    assert not Project.objects.filter(is_published=False).exists()


def test_both_language_columns_and_thai_base_column(demo):
    """Thai and English columns are filled; the untranslated column holds Thai."""
    base = dict(Project.objects.rewrite(False).values_list("slug", "title"))
    for project in Project.objects.all():
        assert project.title_th and project.title_en and project.summary_en
        assert base[project.slug] == project.title_th
    with translation.override("en"):
        assert str(Agency.objects.get(slug="royal-thai-army")) == "Royal Thai Army"
    assert str(Agency.objects.get(slug="royal-thai-army")) == "กองทัพบก"


def test_base_column_stays_thai_when_loaded_from_an_english_shell(db):
    """Loading with English active still stores Thai in the untranslated column."""
    with translation.override("en"):
        call_command("load_demo_data", verbosity=0)
    names = Agency.objects.rewrite(False).filter(slug="department-of-land-transport")
    assert list(names.values_list("name", flat=True)) == ["กรมการขนส่งทางบก"]


def test_pages_show_each_language_and_mark_thai_only_text(demo):
    """English pages show English text; a missing English abbreviation shows Thai."""
    template = Template(
        '{% load govlab %}{% translated project "title" %}|'
        '{% translated customs "short_name" %}'
    )
    context = Context(
        {
            "project": Project.objects.get(slug="gov-lab-2563-land-services"),
            "customs": Agency.objects.get(slug="customs-department"),
        }
    )
    with translation.override("en"):
        english = template.render(context)
    thai = template.render(context)
    assert english.startswith("Gov Lab 2563 prototype: land services|")
    assert '<span lang="th">กศก.</span>' in english
    assert thai == "ต้นแบบนวัตกรรมงานบริการภาครัฐ: การให้บริการด้านที่ดิน|กศก."
