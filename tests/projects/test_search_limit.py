"""A query matching more projects than are ranked says so, in both languages."""

import re

import pytest

from projects import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_land_projects(make_project):
    """Five projects about land; the title match is the oldest one."""
    projects = [
        make_project(slug=f"land-{n}", summary_th="บริการที่ดินออนไลน์") for n in range(4)
    ]
    projects.append(make_project(slug="land-title", title_th="ที่ดินของรัฐ"))
    return projects


def heading(html):
    return re.search(r'<h2 id="results-heading">\s*(.*?)\s*</h2>', html, re.S).group(1)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("lang", "said"),
    [("th", "พบมากกว่า 3 โครงการ"), ("en", "More than 3 projects found")],
)
def test_past_the_limit_the_page_says_more_than(
    client, monkeypatch, five_land_projects, lang, said
):
    """Five matches, three ranked: "more than 3", three shown, no facet counts."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    html = page(client, f"/{lang}/projects/?q=ที่ดิน")
    assert re.sub(r"\s+", " ", heading(html)) == said
    assert len(re.findall(r'<h3><a href="/\w\w/projects/land-', html)) == 3
    assert {"th": "เพิ่มคำหรือตัวกรอง", "en": "Add a word or a filter"}[lang] in html
    # No option claims a total it did not count.
    assert not re.search(r"<option value=\"agency\">[^<]*\(\d+\)", html)


@pytest.mark.parametrize(
    ("lang", "said"), [("th", "พบ 5 โครงการ"), ("en", "5 projects found")]
)
def test_within_the_limit_the_count_is_exact(
    client, monkeypatch, five_land_projects, lang, said
):
    """Five matches with room for five: the exact count, the title match first."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    html = page(client, f"/{lang}/projects/?q=ที่ดิน")
    assert re.sub(r"\s+", " ", heading(html)) == said
    shown = re.findall(r'<h3><a href="/\w\w/projects/([\w-]+)/">', html)
    assert shown[0] == "land-title"
    assert len(shown) == 5
    assert "(5)" in html


def test_past_the_limit_other_filters_still_narrow_exactly(
    client, monkeypatch, make_project, five_land_projects
):
    """Too many matches for the query alone, but few with a filter: exact again."""
    make_project(slug="land-old", summary_th="ที่ดิน", fiscal_year=2560)
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    search = selectors.project_search(filters={"q": "ที่ดิน", "fiscal_year": "2560"})
    assert search.more_than is None
    assert [p.slug for p in search.projects] == ["land-old"]
    assert search.count == 1
