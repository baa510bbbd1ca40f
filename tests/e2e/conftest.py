"""The portal in a real browser: Debian's Chromium driven by Playwright.

The portal is served by pytest-django's live server on loopback. Each journey
step saves screenshots at phone and desktop widths under test-artifacts/, and a
failing test saves what each of its pages looked like at that moment.
"""

import datetime
import os
import re
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connections

from accounts.models import Membership, Role
from agencies.models import AgencyKind
from events.models import EventKind
from projects.models import Stage, Track
from tests.e2e.pages import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium calls home at start, which a
# closed CI network refuses; the sandbox needs privileges CI containers lack.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 800},
}
_reports = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keeps each phase's report, so teardown knows whether the test failed."""
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the whole e2e package (the apt package, never a download)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"The e2e tests need Chromium at {CHROMIUM}: apt-get install chromium "
            "(bin/test installs it when run as root).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop marked running in this thread, so
    # Django would refuse database calls as if they came from async code, and would
    # open other connections than the test database's (asgiref keeps them per
    # async context). The tests are synchronous: allow the calls while the browser
    # is open, and only then, on the same connections as before.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    before = {alias: connections[alias] for alias in connections}
    playwright = sync_playwright().start()
    for alias, connection in before.items():
        connections[alias] = connection
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def served_over_http(settings, tmp_path):
    """The live server speaks plain http: cookies may not insist on https."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.MEDIA_ROOT = tmp_path / "media"
    # Typed passwords are checked in the server: a fast hash keeps journeys quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def artifacts(request) -> Path:
    """This test's screenshot folder, emptied of an earlier run's pictures."""
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    folder = ARTIFACTS / request.node.module.__name__.rsplit(".", 1)[-1] / name
    shutil.rmtree(folder, ignore_errors=True)
    return folder


@pytest.fixture
def open_page(request, browser, live_server, artifacts):
    """Opens a page in a fresh browser (own cookies) at "phone" or "desktop" size."""
    pages = []

    def open_(size="desktop", **options):
        context = browser.new_context(
            viewport=VIEWPORTS[size],
            base_url=live_server.url,
            is_mobile=size == "phone",
            has_touch=size == "phone",
            **options,
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        pages.append(page)
        return page

    yield open_
    reports = request.node.stash.get(_reports, {})
    failed = "call" in reports and reports["call"].failed
    for number, page in enumerate(pages, start=1):
        if failed and not page.is_closed():
            artifacts.mkdir(parents=True, exist_ok=True)
            path = artifacts / f"failure-page{number}.png"
            page.screenshot(path=path, full_page=True)
        page.context.close()


@pytest.fixture
def phone(open_page):
    return open_page("phone")


@pytest.fixture
def desktop(open_page):
    return open_page("desktop")


@pytest.fixture
def snap(artifacts):
    """Saves the page at phone and at desktop width as the next numbered step."""
    steps = iter(range(1, 100))
    folder = artifacts

    def snap_(page, step: str):
        folder.mkdir(parents=True, exist_ok=True)
        number = next(steps)
        current = page.viewport_size
        for size, viewport in VIEWPORTS.items():
            page.set_viewport_size(viewport)
            page.screenshot(
                path=folder / f"{number:02d}-{step}-{size}.png", full_page=True
            )
        page.set_viewport_size(current)

    return snap_


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    """Records as the demo data has them: real agencies, both tracks, an event."""
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
        short_name_th="ขบ.",
    )
    bma = make_agency(
        name_th="กรุงเทพมหานคร",
        name_en="Bangkok Metropolitan Administration",
        slug="bangkok-metropolitan-administration",
        kind=AgencyKind.LOCAL_ADMINISTRATION,
    )
    transport = make_issue_area(
        name_th="การเดินทางและการขนส่ง",
        name_en="Travel and transport",
        slug="travel-and-transport",
    )
    hackathon = make_event(
        title_th="Gov Lab Hackathon บริการภาครัฐเพื่อประชาชน",
        title_en="Gov Lab Hackathon: public services for citizens",
        slug="gov-lab-hackathon",
        kind=EventKind.HACKATHON,
        summary_th="ทีมจากหน่วยงานและประชาชนร่วมออกแบบบริการใหม่ในสองวัน",
        summary_en="Agency and citizen teams design new services in two days.",
        city_th="กรุงเทพมหานคร",
        city_en="Bangkok",
        spans=((datetime.date(2020, 2, 21), datetime.date(2020, 2, 22)),),
    )
    licence = make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        title_en="Digital driving licence prototype",
        slug="digital-driving-licence",
        summary_th="แสดงใบขับขี่บนโทรศัพท์มือถือแทนบัตรพลาสติก",
        summary_en="A driving licence shown on a phone instead of a plastic card.",
        lead_agency=dlt,
        fiscal_year=2563,
        stage=Stage.PILOT,
        origin_event=hackathon,
    )
    make_project(
        title_th="ต้นแบบนวัตกรรม แจ้งทางเท้าชำรุด",
        title_en="Broken pavement reports prototype",
        slug="broken-pavement-reports",
        summary_th="ประชาชนแจ้งทางเท้าชำรุดพร้อมภาพถ่าย เขตรับเรื่องและแก้ไข",
        summary_en="Citizens report broken pavements with a photo; districts fix them.",
        lead_agency=bma,
        fiscal_year=2564,
        stage=Stage.ADOPTED,
    )
    make_project(
        title_th="ต้นแบบนวัตกรรม ต่อภาษีรถที่ตู้บริการ",
        title_en="Vehicle tax kiosk prototype",
        slug="vehicle-tax-kiosk",
        summary_th="ต่อภาษีรถยนต์ประจำปีที่ตู้บริการในห้างสรรพสินค้า",
        summary_en="Yearly vehicle tax renewed at kiosks in shopping malls.",
        track=Track.SERVICE_ISSUE,
        issue_area=transport,
        fiscal_year=2565,
        stage=Stage.IDEA,
        participating=[dlt, bma],
    )
    return {"dlt": dlt, "bma": bma, "licence": licence, "hackathon": hackathon}


@pytest.fixture
def reporter(django_user_model, registry):
    """A reporter of the Department of Land Transport, with a password to type."""
    user = django_user_model.objects.create_user(
        username="somsri",
        email="somsri@dlt.go.th",
        password=PASSWORD,
        first_name="สมศรี",
        last_name="ใจดี",
    )
    Membership.objects.create(user=user, agency=registry["dlt"], role=Role.REPORTER)
    return user


@pytest.fixture
def editor(django_user_model):
    """OPDC staff in the editors group, who review in the admin."""
    user = django_user_model.objects.create_user(
        username="somchai", email="somchai@opdc.go.th", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="OPDC editors"))
    return user
