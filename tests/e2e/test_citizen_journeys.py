"""A citizen finds a project and reads it in English: on a phone, and by keyboard."""

import re

import pytest
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from tests.e2e.pages import field

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

LICENCE_TH = "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล"
LICENCE_EN = "Digital driving licence prototype"
KIOSK_TH = "ต้นแบบนวัตกรรม ต่อภาษีรถที่ตู้บริการ"


def card_titles(page):
    return page.locator(".card-list .card h3")


def test_citizen_on_a_phone_filters_searches_and_switches_language(
    phone, snap, registry
):
    """On a 360 px phone: Thai home, filter by track and agency, search, English."""
    phone.goto("/th/")
    expect(phone.locator("h1")).to_contain_text(_("Government Innovation Lab"))
    snap(phone, "home")

    phone.get_by_role("navigation", name=_("Main")).get_by_role(
        "link", name=_("Projects")
    ).click()
    expect(phone).to_have_url(re.compile(r"/th/projects/$"))
    filters = phone.locator("form.filters details")
    summary = filters.locator("summary")
    expect(filters).not_to_have_attribute("open", "")
    snap(phone, "project-list")
    summary.click()
    field(phone, _("Track")).select_option("agency")
    field(phone, _("Agency")).select_option("department-of-land-transport")
    phone.get_by_role("button", name=_("Apply filters")).click()
    expect(phone).to_have_url(re.compile(r"[?&]track=agency&"))
    assert "agency=department-of-land-transport" in phone.url
    expect(card_titles(phone)).to_have_text([LICENCE_TH])
    snap(phone, "filtered-list")

    search = phone.get_by_role("search", name=_("Site search"))
    search.get_by_role("searchbox").fill("ใบขับขี่")
    search.get_by_role("searchbox").press("Enter")
    expect(phone).to_have_url(re.compile(r"/th/search/\?q="))
    result = phone.get_by_role("link", name=LICENCE_TH)
    expect(result).to_be_visible()
    snap(phone, "search-results")

    result.click()
    expect(phone.locator("h1")).to_have_text(LICENCE_TH)
    snap(phone, "project")

    phone.get_by_role("navigation", name=_("Language")).get_by_role(
        "link", name="English"
    ).click()
    expect(phone).to_have_url(re.compile(r"/en/projects/digital-driving-licence/$"))
    expect(phone.locator("h1")).to_have_text(LICENCE_EN)
    snap(phone, "project-in-english")


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, limit=60):
    """Presses Tab until the locator has the focus, checking each stop is visible."""
    for _step in range(limit):
        page.keyboard.press("Tab")
        outline, element = page.evaluate(
            "() => [getComputedStyle(document.activeElement).outlineStyle,"
            " document.activeElement.outerHTML.slice(0, 120)]"
        )
        assert outline != "none", f"no visible focus on {element}"
        if is_focused(locator):
            return
    raise AssertionError(f"{locator} not reached in {limit} presses of Tab")


def choose(page, select, value, *, limit=20):
    """Picks an option of a focused select with the arrow keys."""
    for _step in range(limit):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value!r} not reached with the arrow keys")


def test_citizen_with_keyboard_only(desktop, snap, registry):
    """Skip link, filters, search, project and language, with the keyboard alone."""
    page = desktop
    page.goto("/th/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=_("Skip to main content"))
    assert is_focused(skip)
    expect(skip).to_be_in_viewport()
    snap(page, "skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"

    tab_to(page, page.locator("main").get_by_role("link", name=_("All projects")))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/th/projects/$"))
    page.wait_for_load_state()

    track = field(page, _("Track"))
    tab_to(page, track)
    choose(page, track, "service-issue")
    apply = page.get_by_role("button", name=_("Apply filters"))
    tab_to(page, apply)
    snap(page, "filters-by-keyboard")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"track=service-issue"))
    page.wait_for_load_state()
    expect(card_titles(page)).to_have_text([KIOSK_TH])

    searchbox = page.get_by_role("search", name=_("Site search")).get_by_role(
        "searchbox"
    )
    tab_to(page, searchbox, limit=80)
    page.keyboard.type("ใบขับขี่")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/th/search/\?q="))
    page.wait_for_load_state()
    result = page.get_by_role("link", name=LICENCE_TH)
    tab_to(page, result)
    snap(page, "search-result-focused")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(LICENCE_TH)

    english = page.get_by_role("navigation", name=_("Language")).get_by_role(
        "link", name="English"
    )
    tab_to(page, english)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/projects/digital-driving-licence/$"))
    page.wait_for_load_state()
    expect(page.locator("h1")).to_have_text(LICENCE_EN)
    snap(page, "project-in-english")
