"""Bulk work for OPDC staff: CSV and Excel import and export in the admin."""

import datetime
import io

import openpyxl
import pytest
import tablib
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from reversion.models import Version

from agencies.models import Agency
from projects.models import Project, Stage, Track
from projects.resources import PROJECT_COLUMNS, ProjectResource
from tests.admin_pages import (
    CSV_FORMAT,
    XLSX_FORMAT,
    client_for,
    export,
    make_editor,
    read_csv,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor("somchai")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport", slug="dlt"
    )
    nida = make_agency(name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์", slug="nida")
    land = make_issue_area(name_th="การให้บริการด้านที่ดิน", slug="land-services")
    launch = make_event(slug="gov-lab-launch-2020")
    return {
        "land": make_project(
            title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
            title_en="",
            slug="land-services-prototype",
            track=Track.SERVICE_ISSUE,
            issue_area=land,
            participating=[dlt, nida],
            consultants=[nida],
            origin_event=launch,
            start_date=datetime.date(2020, 2, 21),
            end_date=datetime.date(2020, 8, 31),
        ),
        "dlt": make_project(
            title_th="ต้นแบบนวัตกรรม กรมการขนส่งทางบก",
            title_en="Department of Land Transport prototype",
            slug="dlt-prototype",
            lead_agency=dlt,
        ),
    }


def preview(client, content, name="projects.csv", file_format=CSV_FORMAT, lang="th"):
    """The first import step: the file checked without saving, what would change."""
    return client.post(
        f"/{lang}/admin/projects/project/import/",
        {
            "format": file_format,
            "resource": "0",
            "import_file": SimpleUploadedFile(name, content),
        },
    )


def confirm(client, previewed, lang="th"):
    """The second step: the previewed file imported for real."""
    form = previewed.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(f"/{lang}/admin/projects/project/process_import/", data)


def csv_file(rows, columns=PROJECT_COLUMNS):
    dataset = tablib.Dataset(headers=list(columns))
    for row in rows:
        dataset.append([row.get(column, "") for column in columns])
    return dataset.export("csv").encode("utf-8-sig")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_project_csv_has_bom_thai_text_and_the_public_columns(
    editor_client, registry, lang
):
    """Excel shows Thai: a BOM, then the listed columns, slugs and ISO dates."""
    header, rows = read_csv(
        export(editor_client, "project", PROJECT_COLUMNS, lang=lang)
    )

    assert header == list(PROJECT_COLUMNS)
    land = rows["land-services-prototype"]
    assert land["title_th"] == "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน"
    assert land["issue_area"] == "land-services"
    assert land["participating_agencies"] == "dlt,nida"
    assert land["consultants"] == "nida"
    assert land["origin_event"] == "gov-lab-launch-2020"
    assert (land["start_date"], land["end_date"]) == ("2020-02-21", "2020-08-31")
    assert (land["track"], land["stage"], land["fiscal_year"]) == (
        "service-issue",
        "prototype",
        "2563",
    )
    assert land["updated_at"].startswith(str(datetime.date.today().year))


def test_export_costs_the_same_queries_for_more_projects(
    editor_client, registry, make_project, django_assert_max_num_queries
):
    """Exporting 12 projects costs no more queries than exporting 2."""
    with CaptureQueriesContext(connection) as few:
        export(editor_client, "project", PROJECT_COLUMNS)
    for _ in range(10):
        make_project()
    with django_assert_max_num_queries(len(few)):
        export(editor_client, "project", PROJECT_COLUMNS)


def test_round_trip_changes_nothing(editor_client, registry):
    """Exporting and importing the same file saves no row and bumps no version."""
    before = list(Project.objects.values_list("slug", "updated_at", "version"))
    content = export(editor_client, "project", PROJECT_COLUMNS)

    previewed = preview(editor_client, content)
    assert previewed.status_code == 200
    result = previewed.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert result.totals["skip"] == 2
    confirmed = confirm(editor_client, previewed)

    assert confirmed.status_code == 302
    assert list(Project.objects.values_list("slug", "updated_at", "version")) == before


NEW_PROJECT = {
    "slug": "customs-prototype",
    "title_th": "ต้นแบบนวัตกรรม กรมศุลกากร",
    "title_en": "Customs Department prototype",
    "track": Track.AGENCY,
    "lead_agency": "dlt",
    "participating_agencies": "nida",
    "fiscal_year": "2563",
    "stage": Stage.PROTOTYPE,
    "start_date": "2020-02-21",
    "is_published": "1",
}


def test_import_shows_a_preview_then_creates_and_updates(
    editor, editor_client, registry
):
    """A new row and a changed row are previewed, then saved, kept in history."""
    changed = {
        "slug": "dlt-prototype",
        "title_th": "ต้นแบบนวัตกรรม กรมการขนส่งทางบก (ปรับปรุง)",
        "track": Track.AGENCY,
        "lead_agency": "dlt",
        "fiscal_year": "2563",
        "stage": Stage.PROTOTYPE,
        "is_published": "1",
    }

    previewed = preview(editor_client, csv_file([NEW_PROJECT, changed]))
    assert previewed.context["result"].totals["new"] == 1
    assert previewed.context["result"].totals["update"] == 1
    assert "ต้นแบบนวัตกรรม กรมศุลกากร" in previewed.content.decode()
    assert not Project.objects.filter(slug="customs-prototype").exists()
    confirm(editor_client, previewed)

    customs = Project.objects.get(slug="customs-prototype")
    assert customs.lead_agency.slug == "dlt"
    assert [a.slug for a in customs.participating_agencies.all()] == ["nida"]
    assert customs.start_date == datetime.date(2020, 2, 21)
    updated = Project.objects.get(slug="dlt-prototype")
    assert updated.title_th == "ต้นแบบนวัตกรรม กรมการขนส่งทางบก (ปรับปรุง)"
    assert updated.version == 2
    (version,) = Version.objects.get_for_object(customs)
    assert version.revision.user == editor


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_invalid_row_is_reported_and_nothing_is_imported(
    editor_client, registry, lang
):
    """An agency-track row without a lead agency is shown; no row is imported."""
    invalid = {**NEW_PROJECT, "slug": "no-lead-agency", "lead_agency": ""}

    previewed = preview(editor_client, csv_file([NEW_PROJECT, invalid]), lang=lang)

    assert previewed.status_code == 200
    assert "confirm_form" not in previewed.context
    with translation.override(lang):
        message = translation.gettext(
            "Choose the lead agency of an agency track project."
        )
    html = previewed.content.decode()
    assert 'id="rejected-rows"' in html
    assert message in html
    assert not Project.objects.filter(slug__in=["customs-prototype", "no-lead-agency"])


def test_rows_that_fail_when_confirmed_import_nothing(editor_client, registry):
    """If a previewed file no longer imports cleanly when confirmed, no row is saved."""
    second = {**NEW_PROJECT, "slug": "nida-prototype", "lead_agency": "nida"}
    previewed = preview(editor_client, csv_file([NEW_PROJECT, second]))
    assert previewed.context["result"].totals["new"] == 2
    Agency.objects.filter(slug="nida").delete()

    confirmed = confirm(editor_client, previewed)

    assert confirmed.status_code == 302
    assert not Project.objects.filter(slug__in=["customs-prototype", "nida-prototype"])
    followed = editor_client.get(confirmed.url)
    with translation.override("th"):
        message = translation.gettext(
            "Nothing was imported: some rows are no longer valid. Import the file "
            "again to see which."
        )
    assert message in followed.content.decode()


def test_import_refuses_to_change_a_stage(editor, registry):
    """A stage change needs a reason, so a file cannot move a project's stage."""
    row = {
        **NEW_PROJECT,
        "slug": "dlt-prototype",
        "title_th": "ต้นแบบนวัตกรรม กรมการขนส่งทางบก",
        "title_en": "Department of Land Transport prototype",
        "participating_agencies": "",
        "start_date": "",
        "stage": Stage.ADOPTED,
    }
    dataset = tablib.Dataset().load(csv_file([row]).decode("utf-8-sig"))

    with translation.override("en"):
        result = ProjectResource().import_data(dataset, dry_run=False, user=editor)

    (invalid,) = result.invalid_rows
    assert list(invalid.error_dict) == ["stage"]
    assert Project.objects.get(slug="dlt-prototype").stage == Stage.PROTOTYPE


def test_resource_import_is_all_or_nothing(editor, registry):
    """Imported for real, a file with one bad row leaves the database untouched."""
    bad_slug = {**NEW_PROJECT, "slug": "unknown-agency", "lead_agency": "no-such"}
    dataset = tablib.Dataset().load(
        csv_file([NEW_PROJECT, bad_slug]).decode("utf-8-sig")
    )

    with translation.override("en"):
        result = ProjectResource().import_data(dataset, dry_run=False, user=editor)

    assert result.has_validation_errors()
    (invalid,) = result.invalid_rows
    assert invalid.error_dict["lead_agency"][0] == "No agency has the slug “no-such”."
    assert not Project.objects.filter(slug="customs-prototype").exists()
    assert not Version.objects.filter(revision__user=editor).exists()


def test_excel_import_works(editor_client, registry):
    """An Excel file with Thai text imports like a CSV file."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(PROJECT_COLUMNS))
    sheet.append([NEW_PROJECT.get(column, "") for column in PROJECT_COLUMNS])
    content = io.BytesIO()
    workbook.save(content)

    previewed = preview(
        editor_client, content.getvalue(), name="projects.xlsx", file_format=XLSX_FORMAT
    )
    assert previewed.context["result"].totals["new"] == 1
    confirm(editor_client, previewed)

    customs = Project.objects.get(slug="customs-prototype")
    assert customs.title_th == "ต้นแบบนวัตกรรม กรมศุลกากร"
    assert customs.fiscal_year == 2563


def test_excel_round_trip_changes_nothing(editor_client, registry):
    """An exported workbook imports back with every row unchanged."""
    content = export(editor_client, "project", PROJECT_COLUMNS, file_format=XLSX_FORMAT)

    previewed = preview(
        editor_client, content, name="projects.xlsx", file_format=XLSX_FORMAT
    )

    assert previewed.context["result"].totals["skip"] == 2


def test_changelist_shows_import_and_export_to_editors(editor_client):
    """OPDC editors find the import and export buttons and the recover link."""
    html = editor_client.get("/th/admin/projects/project/").content.decode()

    assert 'class="import_link"' in html
    assert "/th/admin/projects/project/import/" in html
    assert "/th/admin/projects/project/export/" in html
    assert "/th/admin/projects/project/recover/" in html


def test_staff_without_add_and_change_permission_cannot_import(
    django_user_model, registry
):
    """A staff account that may only view projects can export but not import."""
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_project"))
    client = client_for(viewer)

    assert client.get("/th/admin/projects/project/import/").status_code == 403
    assert (
        "import_link" not in client.get("/th/admin/projects/project/").content.decode()
    )
    _header, rows = read_csv(export(client, "project", PROJECT_COLUMNS))
    assert set(rows) == {"land-services-prototype", "dlt-prototype"}
