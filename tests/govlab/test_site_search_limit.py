"""The site search with a word matching more projects than are ranked says so."""

import re

import pytest

from projects import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_land_projects(make_project):
    """Five projects about land; the title match is the oldest one."""
    for n in range(4):
        make_project(slug=f"land-{n}", summary_th="บริการที่ดินออนไลน์")
    make_project(slug="land-title", title_th="ที่ดินของรัฐ")


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize(
    ("lang", "status", "heading", "link"),
    [
        (
            "th",
            "พบมากกว่า 3 รายการสำหรับ “ที่ดิน”",
            'โครงการ <span class="muted">(มากกว่า 3)</span>',
            "ดูโครงการที่ตรงกันในรายการโครงการ พร้อมตัวกรอง",
        ),
        (
            "en",
            "More than 3 results for “ที่ดิน”",
            'Projects <span class="muted">(more than 3)</span>',
            "See the matching projects in the project list, with filters",
        ),
    ],
)
def test_past_the_limit_the_page_says_more_than(
    client, monkeypatch, five_land_projects, lang, status, heading, link
):
    """Five matches, three ranked: "more than 3" and three project cards."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    html = page(client, f"/{lang}/search/?q=ที่ดิน")
    assert status in html
    assert heading in html
    assert link in html
    assert len(re.findall(rf'<h3><a href="/{lang}/projects/land-', html)) == 3


def test_within_the_limit_the_count_is_exact(client, monkeypatch, five_land_projects):
    """Five matches with room for five: "5 results", the title match first."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    html = page(client, "/en/search/?q=ที่ดิน")
    assert "5 results for “ที่ดิน”" in html
    assert "More than" not in html
    assert 'Projects <span class="muted">(5)</span>' in html
    shown = re.findall(r'<h3><a href="/en/projects/([\w-]+)/">', html)
    assert shown[0] == "land-title"
