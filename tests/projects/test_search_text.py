"""Project.search_text, the one column a project search matches: built from the
project, its agencies and issue area, and kept current whatever changes them."""

import importlib

import pytest
import reversion
import tablib
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from reversion.models import Version

from projects.filters import ProjectFilter
from projects.models import Project, Track
from projects.resources import PROJECT_COLUMNS
from projects.search_text import project_search_text, project_search_text_refresh
from projects.selectors import project_published
from tests.admin_pages import client_for, make_editor, posted_data

pytestmark = pytest.mark.django_db

backfill_migration = importlib.import_module(
    "projects.migrations.0006_project_search_text"
)


def found(q):
    filterset = ProjectFilter({"q": q}, queryset=project_published())
    assert filterset.is_valid(), filterset.errors
    return sorted(project.slug for project in filterset.qs)


@pytest.fixture
def customs(make_agency):
    return make_agency(
        name_th="กรมศุลกากร",
        name_en="Customs Department",
        short_name_th="ศก.",
        short_name_en="CD",
        slug="customs",
    )


@pytest.fixture
def nida(make_agency):
    return make_agency(name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์", slug="nida")


def test_search_text_holds_every_searched_text_folded(
    make_project, make_issue_area, customs, nida
):
    """Title, agencies and issue area, both languages, lower case, one per line."""
    land = make_issue_area(name_th="การให้บริการด้านที่ดิน", name_en="Land Services")
    project = make_project(
        title_th="ต้นแบบนวัตกรรม ด่านศุลกากร",
        title_en="Paperless CUSTOMS",
        track=Track.SERVICE_ISSUE,
        issue_area=land,
        participating=[customs, nida],
    )
    project.refresh_from_db()
    lines = project.search_text.split("\n")
    assert lines[:2] == ["ต้นแบบนวัตกรรม ด่านศุลกากร", "paperless customs"]
    assert {"กรมศุลกากร", "customs department", "ศก.", "cd"} <= set(lines)
    assert {"สถาบันบัณฑิตพัฒนบริหารศาสตร์", "การให้บริการด้านที่ดิน"} <= set(lines)
    assert "land services" in lines
    assert project.search_text == project_search_text(project)


def test_thai_marks_typed_out_of_order_are_stored_in_order(make_project):
    """A title with the tone mark typed before the vowel (น ่ ี) is found as ที่ดิน."""
    make_project(title_th="บริการ\u0e17\u0e48\u0e35ดิน", slug="misordered")
    assert not Project.objects.filter(title_th__contains="ที่ดิน").exists()
    assert found("ที่ดิน") == ["misordered"]


def test_agency_renamed_in_the_admin_finds_its_projects_by_the_new_name(
    make_project, customs, nida
):
    """Renaming the lead and a participating agency in the admin: new names found."""
    make_project(slug="led", lead_agency=customs)
    make_project(slug="joined", participating=[customs])
    client = client_for(make_editor("somchai"))
    for agency, new_name in ((customs, "กรมศุลกากรดิจิทัล"), (nida, "นิด้า")):
        url = f"/th/admin/agencies/agency/{agency.pk}/change/"
        data = posted_data(client.get(url), name_th=new_name)
        assert client.post(url, data).status_code == 302
    assert found("ศุลกากรดิจิทัล") == ["joined", "led"]
    assert found("นิด้า") == []


def test_issue_area_renamed_finds_its_projects_by_the_new_name(
    make_project, make_issue_area
):
    """An issue area's new English name finds its projects; the old one no longer."""
    area = make_issue_area(name_th="ยาเสพติด", name_en="Drugs")
    make_project(slug="drugs", track=Track.SERVICE_ISSUE, issue_area=area)
    area.name_en = "Narcotics"
    area.save()
    assert found("narcotics") == ["drugs"]
    assert found("drugs") == []


def test_participating_agencies_changed_from_either_side(make_project, customs, nida):
    """Adding, removing and clearing participants, from the project or the agency."""
    project = make_project(slug="p")
    project.participating_agencies.add(customs)
    assert found("ศุลกากร") == ["p"]
    project.participating_agencies.remove(customs)
    assert found("ศุลกากร") == []
    nida.participating_projects.add(project)
    assert found("บัณฑิต") == ["p"]
    nida.participating_projects.clear()
    assert found("บัณฑิต") == []
    project.participating_agencies.set([customs])
    customs.participating_projects.remove(project)
    assert found("ศุลกากร") == []


def test_deleted_agency_no_longer_finds_the_projects_it_took_part_in(
    make_project, customs
):
    """The participation rows go with the agency, and its name from the search."""
    make_project(slug="p", participating=[customs])
    assert found("ศุลกากร") == ["p"]
    customs.delete()
    assert found("ศุลกากร") == []


def test_imported_project_is_found_by_its_agencies(make_agency, nida):
    """A project created by the admin's CSV import is found by a participant's name."""
    make_agency(name_th="กรมการขนส่งทางบก", slug="dlt")
    row = {
        "slug": "customs-prototype",
        "title_th": "ต้นแบบนวัตกรรม กรมศุลกากร",
        "track": Track.AGENCY,
        "lead_agency": "dlt",
        "participating_agencies": "nida",
        "fiscal_year": "2563",
        "stage": "prototype",
        "is_published": "1",
    }
    dataset = tablib.Dataset(headers=list(PROJECT_COLUMNS))
    dataset.append([row.get(column, "") for column in PROJECT_COLUMNS])
    client = client_for(make_editor("somchai"))
    previewed = client.post(
        "/th/admin/projects/project/import/",
        {
            "format": "0",
            "resource": "0",
            "import_file": SimpleUploadedFile(
                "projects.csv", dataset.export("csv").encode("utf-8-sig")
            ),
        },
    )
    form = previewed.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    client.post("/th/admin/projects/project/process_import/", data)
    assert found("บัณฑิตพัฒน") == ["customs-prototype"]
    assert found("ขนส่งทางบก ศุลกากร") == ["customs-prototype"]


def test_restoring_an_old_version_finds_the_old_title(make_project):
    """Reversion's restore (a raw save) refreshes the search text too."""
    with reversion.create_revision():
        project = make_project(title_th="ศุลกากรไร้กระดาษ", slug="p")
    with reversion.create_revision():
        project.title_th = "ด่านอัจฉริยะ"
        project.save()
    assert found("ไร้กระดาษ") == []
    Version.objects.get_for_object(project).last().revert()
    assert found("ไร้กระดาษ") == ["p"]
    assert found("อัจฉริยะ") == []


def test_refresh_costs_the_same_queries_for_3_or_30_projects(
    make_project, customs, django_assert_num_queries
):
    """Recomputing many projects' text is a fixed number of queries."""
    ids = [make_project(participating=[customs]).pk for _ in range(30)]
    Project.objects.update(search_text="")
    with django_assert_num_queries(3):
        assert project_search_text_refresh(project_ids=ids[:3]) == 3
    with django_assert_num_queries(3):
        assert project_search_text_refresh(project_ids=ids) == 27


def test_migration_backfills_existing_projects(make_project, customs):
    """The 0006 backfill writes the same text as the app's own function."""
    project = make_project(title_en="Paperless", participating=[customs])
    expected = Project.objects.get(pk=project.pk).search_text
    Project.objects.update(search_text="")
    backfill_migration.backfill(apps, None)
    assert Project.objects.get(pk=project.pk).search_text == expected != ""


def test_one_trigram_index_serves_a_term_on_postgresql(make_project):
    """PostgreSQL: contains on search_text is one LIKE that its GIN index serves."""
    make_project(title_th="การท่องเที่ยวชุมชน", slug="tourism")
    make_project(slug="other")
    query = Project.objects.filter(search_text__contains="ท่องเที่ยว")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "projects_project_search_text_trgm_idx" in query.explain()
    assert [p.slug for p in query] == ["tourism"]
