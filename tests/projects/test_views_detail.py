"""The public project page."""

import datetime
import re

import pytest
from django.test import override_settings

from projects.models import Stage

pytestmark = pytest.mark.django_db


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_detail_page_in_thai(client, registry):
    """Thai dates in the Buddhist Era, Thai names, links to agencies and events."""
    html = page(client, "/th/projects/drug-prevention-prototype/")
    assert "<h1>ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด</h1>" in html
    assert "21 กุมภาพันธ์ 2563" in html
    assert "31 สิงหาคม 2563" in html
    assert "การป้องกันและปราบปรามยาเสพติด" in html
    assert 'href="/th/agencies/nida/">สถาบันบัณฑิตพัฒนบริหารศาสตร์</a>' in html
    assert 'href="/th/events/gov-lab-launch-2020/"' in html


def test_detail_page_in_thai_names_the_fiscal_year(client, registry):
    """The Thai page gives the fiscal year as ปีงบประมาณ 2563."""
    assert "ปีงบประมาณ 2563" in page(client, "/th/projects/drug-prevention-prototype/")


def test_detail_page_in_english(client, registry):
    """English dates in CE and the fiscal year as FY2020 (B.E. 2563)."""
    html = page(client, "/en/projects/drug-prevention-prototype/")
    assert "<h1>Drug prevention and suppression prototype</h1>" in html
    assert "21 February 2020" in html
    assert "FY2020 (B.E. 2563)" in html
    assert "Drug prevention and suppression</dd>" in html
    assert 'href="/en/agencies/nida/">National Institute of Development' in html


def test_detail_page_shows_agencies_and_related_events(client, registry):
    """Lead and participating agencies are linked; related events list their dates."""
    html = page(client, "/en/projects/rid-prototype/")
    assert 'href="/en/agencies/rid/">Royal Irrigation Department</a>' in html
    assert 'href="/en/agencies/department-of-land-transport/"' in html
    guide = page(client, "/en/projects/the-guide-light/")
    assert 'href="/en/events/my-better-country-hackathon-2019/"' in guide
    assert "18 August 2019, 23–25 August 2019" in guide


def test_detail_page_marks_thai_only_text_in_english(client, registry):
    """A project without an English title shows the Thai one marked Thai only."""
    html = page(client, "/en/projects/land-services-prototype/")
    assert re.search(r'<h1><span lang="th">[^<]+</span> <span class="thai-only">', html)


def test_step_indicator_marks_current_and_done_stages(client, registry):
    """A pilot project: idea and prototype done, pilot current, later stages not."""
    html = page(client, "/en/projects/land-services-prototype/")
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
    items = re.findall(r"<li([^>]*)>\s*([^<]+)", steps)
    assert [(attrs.strip(), label.strip()) for attrs, label in items] == [
        ('class="is-done"', "Idea"),
        ('class="is-done"', "Prototype"),
        ('aria-current="step"', "Pilot"),
        ("", "Scaling up"),
        ("", "Adopted"),
    ]


def test_step_indicator_shows_discontinued_as_stopped(client, make_project):
    """A discontinued project shows a stopped state as its current step."""
    make_project(slug="stopped", stage=Stage.DISCONTINUED)
    html = page(client, "/en/projects/stopped/")
    assert re.search(
        r'<li class="is-stopped" aria-current="step">\s*Discontinued', html
    )
    assert "is-done" not in html


@pytest.mark.parametrize("lang", ["th", "en"])
@override_settings(DEBUG=False)
def test_unpublished_or_unknown_project_is_not_found(client, registry, lang):
    """An unpublished project and an unknown slug give the 404 page in the language."""
    for slug in ("unpublished-prototype", "no-such-project"):
        html = page(client, f"/{lang}/projects/{slug}/", status=404)
        assert f'<html lang="{lang}">' in html


def test_detail_costs_a_fixed_number_of_queries(
    client, make_project, make_agency, make_event, django_assert_max_num_queries
):
    """A project with many agencies and events still costs at most seven queries."""
    project = make_project(
        slug="busy",
        participating=[make_agency() for _ in range(5)],
        consultants=[make_agency() for _ in range(3)],
        start_date=datetime.date(2020, 2, 21),
    )
    for _ in range(4):
        make_event().related_projects.add(project)
    with django_assert_max_num_queries(7):
        page(client, "/en/projects/busy/")


def test_detail_page_gives_description_as_paragraphs_with_thai_fallback(
    client, make_project
):
    """A Thai-only description shows as paragraphs on the English page, marked."""
    make_project(
        slug="described",
        description_th="ต้นแบบลดขั้นตอนการให้บริการ\n\nทดลองใช้ที่สำนักงานเขต",
        description_en="",
    )
    html = page(client, "/en/projects/described/")
    assert (
        '<div lang="th"><p>ต้นแบบลดขั้นตอนการให้บริการ</p>\n\n'
        "<p>ทดลองใช้ที่สำนักงานเขต</p></div>"
    ) in html
    assert '<span class="thai-only">(Thai only)</span>' in html
