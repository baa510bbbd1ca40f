import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Project, Stage, Track

pytestmark = pytest.mark.django_db

ADD = "/{lang}/admin/projects/project/add/"
CHANGELIST = "/{lang}/admin/projects/project/"


@pytest.fixture
def land_services(make_issue_area):
    return make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )


@pytest.fixture
def nida(make_agency):
    return make_agency(
        name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์",
        name_en="National Institute of Development Administration",
        slug="nida",
    )


def project_form(**fields):
    """What the add form posts for a service-issue prototype of FY2563."""
    data = {
        "title_th": "ต้นแบบบริการด้านที่ดิน",
        "title_en": "Land services prototype",
        "slug": "land-services-prototype",
        "summary_th": "ลดขั้นตอนการติดต่อสำนักงานที่ดิน",
        "summary_en": "Fewer steps at the land office",
        "track": Track.SERVICE_ISSUE,
        "fiscal_year": "2563",
        "stage": Stage.PROTOTYPE,
        "_save": "Save",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("lang", ["th", "en"])
def test_add_page_saves_title_and_summary_in_both_languages(
    admin_client, land_services, nida, lang
):
    """A project added in the admin keeps its Thai and its English text."""
    response = admin_client.post(
        ADD.format(lang=lang),
        project_form(issue_area=land_services.pk, consultants=[nida.pk]),
    )
    assert response.status_code == 302
    project = Project.objects.get(slug="land-services-prototype")
    assert project.title_th == "ต้นแบบบริการด้านที่ดิน"
    assert project.title_en == "Land services prototype"
    assert project.summary_en == "Fewer steps at the land office"
    assert project.issue_area == land_services
    assert list(project.consultants.all()) == [nida]


def test_change_page_saves_a_new_english_title(admin_client, make_project):
    """Editing only the English title keeps the Thai one."""
    project = make_project(title_th="ต้นแบบกรมชลประทาน", title_en="")
    data = project_form(
        title_th="ต้นแบบกรมชลประทาน",
        title_en="Irrigation prototype",
        slug=project.slug,
        track=Track.AGENCY,
        lead_agency=project.lead_agency.pk,
        # A change form names the version it was read at, and carries the
        # management form of its read-only stage change rows.
        read_version=str(project.version),
        **{"stage_changes-TOTAL_FORMS": "0", "stage_changes-INITIAL_FORMS": "0"},
    )
    response = admin_client.post(
        f"/en/admin/projects/project/{project.pk}/change/", data
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.title_th, project.title_en) == (
        "ต้นแบบกรมชลประทาน",
        "Irrigation prototype",
    )


def form_errors(response):
    assert response.status_code == 200
    return response.context["adminform"].form.errors


def test_thai_title_is_required(admin_client, land_services):
    """A project with only an English title is refused: Thai is the main language."""
    response = admin_client.post(
        ADD.format(lang="en"), project_form(title_th="", issue_area=land_services.pk)
    )
    assert set(form_errors(response)) == {"title_th"}
    assert not Project.objects.exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_agency_track_without_lead_agency_shows_error_on_that_field(admin_client, lang):
    """An agency track project without a lead agency is refused, error on the field."""
    response = admin_client.post(ADD.format(lang=lang), project_form(track="agency"))
    errors = form_errors(response)
    assert set(errors) == {"lead_agency"}
    assert 'class="form-row errors field-lead_agency"' in response.content.decode()
    assert not Project.objects.exists()


def test_service_issue_project_without_issue_area_shows_error_on_that_field(
    admin_client,
):
    """A service-issue project with no issue area is refused, the error on the field."""
    response = admin_client.post(ADD.format(lang="en"), project_form())
    assert form_errors(response) == {
        "issue_area": ["Choose the issue area of a service-issue project."]
    }
    assert not Project.objects.exists()


def test_agency_track_project_with_issue_area_is_refused(
    admin_client, land_services, nida
):
    """An agency track project cannot also name an issue area."""
    response = admin_client.post(
        ADD.format(lang="en"),
        project_form(track="agency", lead_agency=nida.pk, issue_area=land_services.pk),
    )
    assert form_errors(response) == {
        "issue_area": ["An agency track project has no issue area: leave it empty."]
    }
    assert not Project.objects.exists()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("term", ["ที่ดิน", "land services"])
def test_changelist_search_finds_project_in_either_language(
    admin_client, make_project, lang, term
):
    """A project is found by its Thai or English title on the Thai and English list."""
    wanted = make_project(
        title_th="ต้นแบบบริการด้านที่ดิน", title_en="Land services prototype"
    )
    make_project(title_th="ต้นแบบกรมศุลกากร", title_en="Customs prototype")
    response = admin_client.get(CHANGELIST.format(lang=lang), {"q": term})
    assert list(response.context["cl"].result_list) == [wanted]


def test_english_changelist_shows_thai_title_when_english_is_empty(
    admin_client, make_project
):
    """A Thai-only project still has a readable title on the English list."""
    make_project(title_th="ต้นแบบกรมส่งเสริมการเกษตร", title_en="")
    response = admin_client.get(CHANGELIST.format(lang="en"))
    assert "ต้นแบบกรมส่งเสริมการเกษตร" in response.content.decode()


def test_changelist_filters_by_track_and_fiscal_year(admin_client, make_project):
    """Track and fiscal year filters combine on the project list."""
    wanted = make_project(track=Track.SERVICE_ISSUE, fiscal_year=2563)
    make_project(track=Track.AGENCY, fiscal_year=2563)
    make_project(track=Track.SERVICE_ISSUE, fiscal_year=2564)
    response = admin_client.get(
        CHANGELIST.format(lang="th"),
        {"track__exact": "service-issue", "fiscal_year": "2563"},
    )
    assert list(response.context["cl"].result_list) == [wanted]


def test_publish_action_publishes_selected_projects(admin_client, make_project):
    """Staff publish several reviewed projects at once from the list."""
    drafts = [make_project(is_published=False) for _ in range(2)]
    other = make_project(is_published=False)
    response = admin_client.post(
        CHANGELIST.format(lang="en"),
        {"action": "publish", "_selected_action": [p.pk for p in drafts]},
    )
    assert response.status_code == 302
    published = set(Project.objects.filter(is_published=True))
    assert published == set(drafts)
    assert other not in published


def test_changelist_query_count_does_not_grow_with_rows(
    admin_client, make_project, land_services
):
    """Listing 30 projects with their issue areas and agencies costs as many queries
    as listing 3."""

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(CHANGELIST.format(lang="en"))
        assert response.status_code == 200
        return len(queries), len(response.context["cl"].result_list)

    def make_three():
        make_project()
        make_project(track=Track.SERVICE_ISSUE, issue_area=land_services)
        make_project(track=Track.SERVICE_ISSUE)

    make_three()
    admin_client.get(CHANGELIST.format(lang="en"))
    few, shown_few = count_queries()
    for _ in range(9):
        make_three()
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (3, 30)
    assert many == few


ASSET = re.compile(r"<(?:script|link|img)\b[^>]*?\b(?:src|href)=\"([^\"]*)\"")


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(
    "page",
    [
        "agencies/agency/add/",
        "projects/issuearea/add/",
        "projects/project/add/",
        "projects/project/{pk}/change/",
        "events/event/add/",
        "projects/project/",
    ],
)
def test_admin_pages_load_every_asset_from_the_app(
    admin_client, make_project, lang, page
):
    """No admin page pulls a script or stylesheet from a CDN or other host."""
    project = make_project()
    response = admin_client.get(f"/{lang}/admin/" + page.format(pk=project.pk))
    html = response.content.decode()
    assets = ASSET.findall(html)
    assert any("jquery" in asset for asset in assets)
    assert [a for a in assets if not re.match(r"/(?!/)", a)] == []
    assert "googleapis" not in html
