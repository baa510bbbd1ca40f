"""Shared fixtures: factories that make valid registry records with real Thai text."""

import datetime
import itertools

import pytest
from django.test import override_settings
from django.utils import translation

from agencies.models import Agency, AgencyKind
from events.models import Event, EventDateSpan, EventKind
from projects.models import IssueArea, Project, Stage, Track

_sequence = itertools.count(1)


@pytest.fixture(autouse=True)
def thai_by_default():
    """Each test starts in Thai, the site's default language."""
    with translation.override("th"):
        yield


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Pages are rendered afresh unless a test turns the page cache on itself.

    Its tests (tests/govlab/test_page_cache.py) do; elsewhere a stored page would
    hide the queries and the data a test means to see.
    """
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Static addresses without running collectstatic first.

    Production's storage names files by their hash from the manifest collectstatic
    writes; without it every page with a stylesheet would fail to render.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True, scope="session")
def plain_http_requests():
    """The test client's plain-http requests reach the views, not a redirect.

    The suite runs with DEBUG off, where every http request is sent to https;
    everything else stays as in production (secure cookies, HSTS on https). Its
    tests (tests/govlab/test_security_settings.py) turn the redirect back on.
    For the whole session, so session-scoped fixtures' requests are served too.
    """
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture
def make_agency(db):
    def make(**fields):
        n = next(_sequence)
        values = {
            "name_th": f"กรมทดสอบ {n}",
            "name_en": f"Test Department {n}",
            "slug": f"test-department-{n}",
            "kind": AgencyKind.GOVERNMENT_DEPARTMENT,
        }
        values.update(fields)
        return Agency.objects.create(**values)

    return make


@pytest.fixture
def make_issue_area(db):
    def make(**fields):
        n = next(_sequence)
        values = {
            "name_th": f"ประเด็นทดสอบ {n}",
            "name_en": f"Test issue {n}",
            "slug": f"test-issue-{n}",
        }
        values.update(fields)
        return IssueArea.objects.create(**values)

    return make


@pytest.fixture
def make_project(db, make_agency, make_issue_area):
    """A published project; agency track unless track= says otherwise."""

    def make(*, participating=(), consultants=(), **fields):
        n = next(_sequence)
        values = {
            "title_th": f"ต้นแบบนวัตกรรมทดสอบ {n}",
            "title_en": f"Test prototype {n}",
            "slug": f"test-prototype-{n}",
            "track": Track.AGENCY,
            "fiscal_year": 2563,
            "stage": Stage.PROTOTYPE,
            "is_published": True,
        }
        values.update(fields)
        if values["track"] == Track.AGENCY and "lead_agency" not in values:
            values["lead_agency"] = make_agency()
        if values["track"] == Track.SERVICE_ISSUE and "issue_area" not in values:
            values["issue_area"] = make_issue_area()
        project = Project.objects.create(**values)
        project.participating_agencies.set(participating)
        project.consultants.set(consultants)
        return project

    return make


@pytest.fixture
def make_event(db):
    """A published event with one date span per (start, end) pair in spans=."""

    def make(
        *, spans=((datetime.date(2020, 2, 21), datetime.date(2020, 2, 21)),), **fields
    ):
        n = next(_sequence)
        values = {
            "title_th": f"กิจกรรมทดสอบ {n}",
            "title_en": f"Test event {n}",
            "slug": f"test-event-{n}",
            "kind": EventKind.WORKSHOP,
            "is_published": True,
        }
        values.update(fields)
        event = Event.objects.create(**values)
        EventDateSpan.objects.bulk_create(
            EventDateSpan(event=event, start=start, end=end) for start, end in spans
        )
        return event

    return make


@pytest.fixture
def page_kinds_registry(make_agency, make_issue_area, make_project, make_event):
    """One record of each kind, with Thai and English text, linked together: the
    records behind tests/page_kinds.py's addresses."""
    agency = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
    )
    area = make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    event = make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="my-better-country-hackathon-2019",
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    event.organisers.add(agency)
    project = make_project(
        title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        title_en="",
        slug="land-services-prototype",
        track=Track.SERVICE_ISSUE,
        issue_area=area,
        stage=Stage.PILOT,
        start_date=datetime.date(2020, 2, 21),
        origin_event=event,
        participating=[agency],
    )
    event.related_projects.add(project)
    return {"agency": agency, "event": event, "project": project}
