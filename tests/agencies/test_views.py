import datetime

import pytest

from agencies.models import AgencyKind
from agencies.views import AGENCY_PROJECTS_PER_PAGE

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")


@pytest.fixture
def dlt(make_agency):
    """The Department of Land Transport under its ministry, with both names."""
    ministry = make_agency(
        name_th="กระทรวงคมนาคม", name_en="Ministry of Transport", slug="mot"
    )
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
        parent=ministry,
        website="https://www.dlt.go.th/",
        description_th="หน่วยงานด้านการขนส่งทางถนน\n\nดูแลใบอนุญาตขับรถ",
        description_en="Regulates road transport.\n\nIssues driving licences.",
    )


@pytest.mark.parametrize(
    ("lang", "name"),
    [("th", "กรมการขนส่งทางบก"), ("en", "Department of Land Transport")],
)
def test_list_names_agencies_in_the_page_language(client, dlt, lang, name):
    """The agency list shows each agency's name in the page's language."""
    response = client.get(f"/{lang}/agencies/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert name in html
    assert dlt.get_absolute_url().replace("/th/", f"/{lang}/") in html


def test_list_groups_agencies_under_their_kind_in_kind_order(client, make_agency):
    """Sections come in AgencyKind order, each holding its own agencies."""
    make_agency(name_en="Mahidol University", kind=AgencyKind.ACADEMIC_INSTITUTION)
    make_agency(name_en="Customs Department", kind=AgencyKind.GOVERNMENT_DEPARTMENT)
    make_agency(name_en="Royal Thai Army", kind=AgencyKind.POLICE_OR_ARMED_FORCES)
    html = client.get("/en/agencies/").content.decode()
    order = [
        html.index('<h2 id="kind-government-department">'),
        html.index("Customs Department"),
        html.index('<h2 id="kind-police-armed-forces">'),
        html.index("Royal Thai Army"),
        html.index('<h2 id="kind-academic-institution">'),
        html.index("Mahidol University"),
    ]
    assert order == sorted(order)
    assert 'id="kind-state-enterprise"' not in html


def test_list_counts_published_projects(client, dlt, make_project):
    """Each agency shows how many published projects it has a role in."""
    make_project(lead_agency=dlt)
    make_project(participating=[dlt])
    make_project(lead_agency=dlt, is_published=False)
    html = client.get("/en/agencies/").content.decode()
    assert "2 published projects" in html


def test_english_list_marks_a_thai_only_name(client, make_agency):
    """An agency with no English name shows its Thai name marked Thai only."""
    make_agency(name_th="กรมศุลกากร", name_en="")
    html = client.get("/en/agencies/").content.decode()
    assert '<span lang="th">กรมศุลกากร</span> <span class="thai-only">' in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_detail_shows_the_facts_of_the_agency(client, dlt, make_project, lang):
    """The detail page shows names, kind, linked parent, website and description."""
    make_project(participating=[dlt])
    response = client.get(f"/{lang}/agencies/department-of-land-transport/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    if lang == "th":
        assert "<h1>กรมการขนส่งทางบก</h1>" in html
        assert "ขบ." in html
        assert "<p>ดูแลใบอนุญาตขับรถ</p>" in html
        assert ">กระทรวงคมนาคม</a>" in html
    else:
        assert "<h1>Department of Land Transport</h1>" in html
        assert "DLT" in html
        assert "<p>Issues driving licences.</p>" in html
        assert ">Ministry of Transport</a>" in html
    assert f'href="/{lang}/agencies/mot/"' in html
    assert '<a href="https://www.dlt.go.th/" rel="external noopener">' in html
    assert f'href="/{lang}/projects/?agency=department-of-land-transport"' in html


def test_detail_marks_thai_only_description_on_english_page(client, make_agency):
    """An English page shows an untranslated description in Thai, marked."""
    agency = make_agency(description_th="ดูแลการนำเข้าและส่งออก", description_en="")
    html = client.get(f"/en/agencies/{agency.slug}/").content.decode()
    assert '<div lang="th"><p>ดูแลการนำเข้าและส่งออก</p></div>' in html
    assert "Thai only" in html


def test_detail_lists_projects_by_role_and_hides_drafts(client, dlt, make_project):
    """Led, joined and advised projects each appear under their role; drafts do not."""
    make_project(lead_agency=dlt, title_en="Driving licence renewal online")
    make_project(participating=[dlt], title_en="One-stop land services")
    make_project(consultants=[dlt], title_en="Transport data lab")
    make_project(lead_agency=dlt, title_en="Secret draft", is_published=False)
    html = client.get("/en/agencies/department-of-land-transport/").content.decode()
    order = [
        html.index("Projects it leads"),
        html.index("Driving licence renewal online"),
        html.index("Projects it takes part in"),
        html.index("One-stop land services"),
        html.index("Projects it advises as consultant"),
        html.index("Transport data lab"),
    ]
    assert order == sorted(order)
    assert "Secret draft" not in html


def test_detail_without_projects_says_so(client, dlt):
    """An agency with no published projects says there are none yet."""
    html = client.get("/en/agencies/department-of-land-transport/").content.decode()
    assert "No published projects yet." in html
    assert "Projects it leads" not in html
    assert "/en/projects/?agency=" not in html


def test_detail_lists_events_with_dates_and_role(client, dlt, make_event):
    """Published events it organised or partnered in show with their dates."""
    hackathon = make_event(
        title_th="แฮกกาธอน My Better Country",
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    hackathon.partners.add(dlt)
    draft = make_event(title_th="กิจกรรมที่ยังไม่เผยแพร่", is_published=False)
    draft.organisers.add(dlt)
    html = client.get("/th/agencies/department-of-land-transport/").content.decode()
    assert "แฮกกาธอน My Better Country" in html
    assert "18 สิงหาคม 2562" in html
    assert "23–25 สิงหาคม 2562" in html
    assert "กิจกรรมที่ยังไม่เผยแพร่" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_agency_is_not_found(client, lang):
    """An unknown slug gives the 404 page in the page's language."""
    response = client.get(f"/{lang}/agencies/no-such-agency/")
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow(
    client, make_agency, make_project, django_assert_max_num_queries, rows
):
    """The agency list costs the same queries for 3 agencies as for 30: the
    agencies, and their project counts in one grouped query."""
    for n in range(rows):
        agency = make_agency(kind=list(AgencyKind)[n % len(AgencyKind)])
        make_project(lead_agency=agency, participating=[agency])
    with django_assert_max_num_queries(2):
        response = client.get("/en/agencies/")
    html = response.content.decode()
    # Each test agency leads its own project and also takes part in it: one project.
    assert html.count('<article class="card">') == rows
    assert html.count("1 published project<") == rows


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow(
    client,
    dlt,
    make_agency,
    make_project,
    make_event,
    django_assert_max_num_queries,
    rows,
):
    """The agency page costs the same queries for 3 projects per role as for 30,
    and shows one page of the projects."""
    for _ in range(rows):
        make_project(lead_agency=dlt)
        make_project(participating=[dlt])
        make_project(consultants=[dlt])
        make_event().organisers.add(dlt)
        make_agency(parent=dlt)
    with django_assert_max_num_queries(7):
        response = client.get("/en/agencies/department-of-land-transport/")
    projects = min(3 * rows, AGENCY_PROJECTS_PER_PAGE)
    assert response.content.decode().count('<article class="card">') == projects + rows


def test_ministry_page_lists_the_agencies_under_it(client, dlt):
    """A parent agency's page links to the agencies that belong to it."""
    html = client.get("/en/agencies/mot/").content.decode()
    assert "Agencies under it" in html
    assert (
        '<a href="/en/agencies/department-of-land-transport/">'
        "Department of Land Transport</a>" in html
    )


def test_detail_pages_the_projects_and_links_to_the_filtered_list(
    client, dlt, make_project
):
    """25 led and 5 advised projects: page 1 shows 20 led, page 2 the rest."""
    for n in range(25):
        make_project(lead_agency=dlt, title_en=f"Led {n:02}", slug=f"led-{n:02}")
    for n in range(5):
        make_project(consultants=[dlt], title_en=f"Advised {n}", slug=f"advised-{n}")
    first = client.get("/en/agencies/department-of-land-transport/")
    html = first.content.decode()
    assert html.count('<article class="card">') == AGENCY_PROJECTS_PER_PAGE
    assert "30 published projects, page 1 of 2" in html
    assert "Projects it advises as consultant" not in html
    assert 'href="/en/projects/?agency=department-of-land-transport"' in html
    assert 'href="?page=2"' in html
    second = client.get("/en/agencies/department-of-land-transport/?page=2")
    html = second.content.decode()
    assert html.count('<article class="card">') == 10
    assert "Projects it leads" in html
    assert html.index("Led 24") < html.index("Projects it advises as consultant")
    assert html.index("Projects it advises as consultant") < html.index("Advised 4")
