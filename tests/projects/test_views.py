"""The public project list: filters, facet counts, sorting, pagination."""

import re

import pytest
from django.test import override_settings

from projects.models import Track

pytestmark = pytest.mark.django_db

LIST = "/{lang}/projects/"


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def shown_slugs(html):
    return re.findall(r'<h3><a href="/\w\w/projects/([\w-]+)/">', html)


def option(html, name, value):
    """The text of one <option> of the select called name."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    found = re.search(rf'<option value="{value}"[^>]*>([^<]*)</option>', select)
    return found.group(1) if found else None


@pytest.mark.parametrize("lang", ["th", "en"])
def test_list_shows_published_projects_with_total(client, registry, lang):
    """Both languages list the six published projects and say how many."""
    html = page(client, LIST.format(lang=lang))
    assert sorted(shown_slugs(html)) == sorted(
        p.slug for p in vars(registry.projects).values() if p.is_published
    )
    assert "unpublished-prototype" not in html
    total = {"th": "พบ 6 โครงการ", "en": "6 projects found"}[lang]
    assert re.search(rf"<h2 id=\"results-heading\">\s*{total}", html)


def test_list_cards_show_english_text_and_thai_only_marker(client, registry):
    """An English card shows English text, and Thai marked as such where it lacks it."""
    html = page(client, "/en/projects/")
    assert "Drug prevention and suppression prototype" in html
    assert "Fewer steps to treatment" in html
    assert re.search(
        r'<span lang="th">ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน</span> '
        r'<span class="thai-only">\(Thai only\)</span>',
        html,
    )
    assert "FY2020 (B.E. 2563)" in html


def test_list_cards_show_thai_text_on_thai_page(client, registry):
    """A Thai card shows the Thai title, issue area and lead agency."""
    html = page(client, "/th/projects/")
    assert "ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด" in html
    assert "กรมการขนส่งทางบก" in html
    assert "Thai only" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("track=agency", {"dlt-prototype", "rid-prototype", "pai-chatbot"}),
        ("issue=disability", {"the-guide-light"}),
        (
            "agency=department-of-land-transport",
            {"dlt-prototype", "rid-prototype", "land-services-prototype"},
        ),
        ("fiscal_year=2562", {"pai-chatbot", "the-guide-light"}),
        ("stage=adopted", {"rid-prototype"}),
        ("event=my-better-country-hackathon-2019", {"pai-chatbot", "the-guide-light"}),
        ("q=ยาเสพติด", {"drug-prevention-prototype"}),
        ("q=guide+light", {"the-guide-light"}),
        ("track=agency&fiscal_year=2563&stage=prototype", {"dlt-prototype"}),
        (
            "agency=department-of-land-transport&track=service-issue",
            {"land-services-prototype"},
        ),
    ],
)
def test_each_filter_and_combinations_narrow_the_list(
    client, registry, query, expected
):
    """Every query parameter alone, and several together, give the matching projects."""
    assert set(shown_slugs(page(client, f"/en/projects/?{query}"))) == expected


def test_english_search_finds_project_without_english_title(client, registry):
    """On an English page a Thai word finds the Thai-only project, marked Thai only."""
    html = page(client, "/en/projects/?q=ที่ดิน")
    assert shown_slugs(html) == ["land-services-prototype"]
    assert "(Thai only)" in html


def test_english_title_sort_places_thai_only_project_by_its_thai_title(
    client, registry
):
    """sort=title on an English page keeps the project with an empty English title."""
    slugs = shown_slugs(page(client, "/en/projects/?sort=title"))
    assert slugs[0] == "dlt-prototype"
    assert slugs[-1] == "land-services-prototype"
    assert len(slugs) == 6


def test_thai_title_sort(client, registry):
    """sort=title on a Thai page orders by the Thai titles."""
    slugs = shown_slugs(page(client, "/th/projects/?sort=title"))
    assert slugs == [
        "the-guide-light",
        "dlt-prototype",
        "rid-prototype",
        "drug-prevention-prototype",
        "land-services-prototype",
        "pai-chatbot",
    ]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("track", "foo", "Select a valid choice."),
        ("issue", "no-such-issue", "Select a valid choice."),
        ("agency", "no-such-agency", "Select a valid choice."),
        ("fiscal_year", "abc", "Buddhist Era year, such as 2563"),
        ("stage", "x", "Select a valid choice."),
        ("event", "no-such-event", "Select a valid choice."),
        ("sort", "bad", "Select a valid choice."),
    ],
)
def test_invalid_value_shows_error_beside_field_and_no_results(
    client, registry, field, value, message
):
    """A bad value gives a normal page with the error next to that field, no list."""
    html = page(client, f"/en/projects/?{field}={value}&q=prototype")
    error = re.search(
        rf'<ul class="errorlist" id="id_{field}_error"><li>([^<]*)</li></ul>\s*'
        rf'<select name="{field}" aria-invalid="true"',
        html,
    )
    assert error, f"no error beside {field}"
    assert message in error.group(1)
    assert shown_slugs(html) == []
    assert "No projects are shown until the filters are corrected." in html


def test_invalid_value_on_thai_page_is_a_normal_page(client, registry):
    """The Thai page also shows the error rather than failing."""
    html = page(client, "/th/projects/?fiscal_year=abc&stage=x")
    assert 'id="id_fiscal_year_error"' in html
    assert 'id="id_stage_error"' in html


def test_option_labels_carry_facet_counts(client, registry):
    """Each option names how many projects it gives, in the page language."""
    html = page(client, "/th/projects/")
    assert option(html, "issue", "land-services") == "การให้บริการด้านที่ดิน (1)"
    assert option(html, "agency", "department-of-land-transport") == (
        "กรมการขนส่งทางบก (3)"
    )
    assert option(html, "fiscal_year", "2563") == "2563 (4)"
    english = page(client, "/en/projects/")
    assert option(english, "track", "agency") == "Agency track (3)"
    assert option(english, "stage", "idea") == "Idea (2)"
    assert option(english, "event", "my-better-country-hackathon-2019") == (
        "My Better Country Hackathon (2)"
    )


def test_facet_counts_follow_the_other_filters(client, registry):
    """With fiscal_year=2562, stages and tracks count FY2562 projects only."""
    html = page(client, "/en/projects/?fiscal_year=2562")
    assert option(html, "track", "agency") == "Agency track (1)"
    assert option(html, "stage", "prototype") is None
    assert option(html, "stage", "idea") == "Idea (2)"
    assert option(html, "fiscal_year", "2563") == "FY2020 (B.E. 2563) (4)"
    assert re.search(r'<option value="2562" selected>FY2019 \(B.E. 2562\) \(2\)', html)


def test_pagination_keeps_filters_and_page_two_lists_the_rest(
    client, make_project, settings
):
    """With 25 projects, page 2 shows 5, and its links keep the other parameters."""
    for n in range(25):
        make_project(title_en=f"Prototype {n:02}", fiscal_year=2563)
    settings.PROJECTS_PER_PAGE = 20
    first = page(client, "/en/projects/?fiscal_year=2563&sort=title")
    assert len(shown_slugs(first)) == 20
    assert 'href="?fiscal_year=2563&amp;sort=title&amp;page=2"' in first
    second = page(client, "/en/projects/?fiscal_year=2563&sort=title&page=2")
    assert len(shown_slugs(second)) == 5
    assert 'href="?fiscal_year=2563&amp;sort=title&amp;page=1"' in second


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("number", ["2", "0", "abc"])
@override_settings(DEBUG=False)
def test_page_out_of_range_or_not_a_number_is_not_found(client, registry, lang, number):
    """page=2 of a single page, page=0 and page=abc give the 404 page."""
    html = page(client, f"/{lang}/projects/?page={number}", status=404)
    assert f'<html lang="{lang}">' in html
    assert f'href="/{lang}/projects/"' in html


@pytest.mark.parametrize("count", [3, 30])
def test_list_costs_a_fixed_number_of_queries(
    client, make_agency, make_issue_area, make_project, make_event,
    django_assert_num_queries, count,
):  # fmt: skip
    """Three or thirty projects cost the same: three facet queries (which count the
    list too) and one page of rows.

    With agency, issue area and event chosen, three more queries look their slugs
    up, and a text query finds the ids it matches.
    """
    agency = make_agency(slug="dlt")
    area = make_issue_area(slug="land-services")
    event = make_event(slug="launch")
    for n in range(count):
        project = make_project(
            track=Track.SERVICE_ISSUE if n % 2 else Track.AGENCY,
            issue_area=area if n % 2 else None,
            lead_agency=None if n % 2 else agency,
            participating=[make_agency(), agency],
            origin_event=event,
        )
        event.related_projects.add(project)
    with django_assert_num_queries(4):
        html = page(client, "/en/projects/")
    assert len(shown_slugs(html)) == min(count, 20)
    query = "?agency=dlt&issue=land-services&event=launch&stage=prototype&q=Test"
    with django_assert_num_queries(8):
        html = page(client, f"/en/projects/{query}")
    assert len(shown_slugs(html)) == min(count // 2, 20)
