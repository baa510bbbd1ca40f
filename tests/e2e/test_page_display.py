"""How pages look and behave: large text, print, folded filters, errors, charts."""

import pytest
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from tests.e2e.pages import sign_in

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

MAIN_PAGES = [
    "/th/",
    "/th/projects/",
    "/th/projects/digital-driving-licence/",
    "/th/agencies/department-of-land-transport/",
    "/th/events/",
    "/th/events/gov-lab-hackathon/",
    "/th/search/?q=ใบขับขี่",
    "/th/stats/",
    "/en/projects/digital-driving-licence/",
    "/en/accounts/login/",
]
# Elements wider than the window, named so a failure says what to fix.
WIDER_THAN_WINDOW = """() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  return [...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > width + 1)
    .map(element => element.outerHTML.slice(0, 100));
}"""


def test_text_at_200_percent_needs_no_sideways_scrolling_on_a_phone(phone, registry):
    """With text twice as large on a 360 px phone, no page scrolls sideways."""
    found = []
    for path in MAIN_PAGES:
        phone.goto(path)
        phone.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
        wider = phone.evaluate(WIDER_THAN_WINDOW)
        if wider:
            found.append(f"{path}:\n  " + "\n  ".join(wider[:5]))
    assert not found, "\n".join(found)


def after_content(locator) -> str:
    return locator.evaluate("a => getComputedStyle(a, '::after').content")


@pytest.mark.parametrize(
    "path", ["/th/projects/digital-driving-licence/", "/th/events/gov-lab-hackathon/"]
)
def test_printed_page_has_no_navigation_and_shows_link_addresses(
    desktop, registry, path
):
    """In print, navigation, search and language links go; links show their address."""
    desktop.goto(path)
    desktop.emulate_media(media="print")
    expect(desktop.locator("h1")).to_be_visible()
    for hidden in (".site-nav", ".language-switcher", ".site-search", ".skip-link"):
        expect(desktop.locator(hidden)).to_be_hidden()
    link = desktop.locator("main a[href^='/']").first
    assert link.get_attribute("href") in after_content(link)
    colours = desktop.locator("h1").evaluate(
        "h1 => [getComputedStyle(h1).color, getComputedStyle(document.body).color]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(0, 0, 0)"]


def test_filters_fold_on_a_phone_only_when_javascript_runs(open_page, registry):
    """Filters are open on a desktop, folded on a phone, and open without JavaScript."""
    summary = f"details:has(> summary:text-is('{_('Filter projects')}'))"
    desktop = open_page("desktop")
    desktop.goto("/th/projects/")
    expect(desktop.locator(summary)).to_have_attribute("open", "")
    phone = open_page("phone")
    phone.goto("/th/projects/")
    expect(phone.locator(summary)).not_to_have_attribute("open", "")
    no_script = open_page("phone", java_script_enabled=False)
    no_script.goto("/th/projects/")
    expect(no_script.locator(summary)).to_have_attribute("open", "")


def test_form_errors_are_announced_and_lead_to_their_fields(desktop, reporter):
    """The error summary is an alert; each of its links focuses the field it names."""
    sign_in(desktop, "somsri")
    desktop.goto("/th/workspace/projects/digital-driving-licence/updates/new/")
    desktop.get_by_role("button", name=_("Save draft")).click()
    summary = desktop.get_by_role("alert")
    expect(summary).to_be_visible()
    links = summary.get_by_role("link")
    assert links.count() >= 2
    for index in range(links.count()):
        link = links.nth(index)
        target = desktop.locator(link.get_attribute("href"))
        link.click()
        expect(target).to_be_focused()
        expect(target).to_have_attribute("aria-invalid", "true")
        described_by = target.get_attribute("aria-describedby") or ""
        errors = [f"#{name}" for name in described_by.split()]
        assert any(desktop.locator(f"{error}.errorlist").count() for error in errors), (
            f"{link.get_attribute('href')} is not described by its error message"
        )


def test_each_chart_has_a_table_of_its_numbers(desktop, registry):
    """Each statistics chart is a named picture followed by a table of its numbers."""
    desktop.goto("/en/stats/")
    charts = desktop.locator("section.chart:has(svg)")
    assert charts.count() >= 3
    for index in range(charts.count()):
        chart = charts.nth(index)
        picture = chart.get_by_role("img")
        assert picture.get_attribute("aria-labelledby")
        title = chart.locator("h3").inner_text()
        table = chart.get_by_role("table", name=title)
        expect(table).to_be_visible()
        assert table.locator("tbody tr").count() >= 1
