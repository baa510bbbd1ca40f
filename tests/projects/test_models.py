import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from projects.models import Project, Stage, Track

pytestmark = pytest.mark.django_db


@pytest.fixture
def land(make_issue_area):
    return make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )


@pytest.fixture
def dlt(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport", slug="dlt"
    )


def unsaved(**fields):
    values = {
        "title_th": "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        "slug": "land-services-prototype",
        "track": Track.SERVICE_ISSUE,
        "fiscal_year": 2563,
        "stage": Stage.PROTOTYPE,
    }
    values.update(fields)
    return Project(**values)


def refused_by_database(project):
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()
    return True


def clean_errors(project):
    """The field errors of full_clean(), in English."""
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    with translation.override("en"):
        return caught.value.message_dict


def test_valid_projects_of_both_tracks_save(land, dlt):
    """A service-issue project with an issue area and an agency project with a lead."""
    unsaved(issue_area=land).save()
    unsaved(slug="dlt-prototype", track=Track.AGENCY, lead_agency=dlt).save()
    assert Project.objects.count() == 2


def test_database_refuses_service_issue_project_without_issue_area():
    """Saving past clean(), the database still refuses a service-issue project alone."""
    assert refused_by_database(unsaved())


def test_database_refuses_agency_project_with_issue_area(land, dlt):
    """The database refuses an issue area on an agency track project."""
    assert refused_by_database(
        unsaved(track=Track.AGENCY, lead_agency=dlt, issue_area=land)
    )


def test_database_refuses_agency_project_without_lead_agency():
    """The database refuses an agency track project without a lead agency."""
    assert refused_by_database(unsaved(track=Track.AGENCY))


def test_database_refuses_unknown_track_and_stage(land):
    """Values outside the choices are refused by check constraints."""
    assert refused_by_database(unsaved(issue_area=land, track="other"))
    assert refused_by_database(unsaved(issue_area=land, stage="finished"))


def test_database_refuses_common_era_fiscal_year(land):
    """A fiscal year of 2020 (CE typed by mistake) is refused; 2563 is kept."""
    assert refused_by_database(unsaved(issue_area=land, fiscal_year=2020))


def test_database_refuses_end_before_start(land):
    """A project cannot end before it starts."""
    project = unsaved(
        issue_area=land,
        start_date=datetime.date(2020, 8, 31),
        end_date=datetime.date(2020, 2, 21),
    )
    assert refused_by_database(project)


def test_clean_asks_for_issue_area_on_service_issue_project():
    """The editor sees the message on the issue area field."""
    errors = clean_errors(unsaved())
    assert errors == {
        "issue_area": ["Choose the issue area of a service-issue project."]
    }


def test_clean_refuses_issue_area_on_agency_project(land, dlt):
    """The message about the issue area sits on that field."""
    errors = clean_errors(unsaved(track=Track.AGENCY, lead_agency=dlt, issue_area=land))
    assert list(errors) == ["issue_area"]
    assert "leave it empty" in errors["issue_area"][0]


def test_clean_asks_for_lead_agency_on_agency_project():
    """An agency track project without a lead agency has the error on lead_agency."""
    errors = clean_errors(unsaved(track=Track.AGENCY))
    assert errors == {
        "lead_agency": ["Choose the lead agency of an agency track project."]
    }


def test_clean_puts_end_before_start_on_end_date(land):
    """The end date field carries the date-order message."""
    project = unsaved(
        issue_area=land,
        start_date=datetime.date(2020, 8, 31),
        end_date=datetime.date(2020, 2, 21),
    )
    assert clean_errors(project) == {
        "end_date": ["The end date cannot be before the start date."]
    }


@pytest.mark.parametrize("year", [2020, 2701])
def test_clean_refuses_fiscal_year_outside_buddhist_era_range(land, year):
    """Years outside 2540-2700 are an error on the fiscal year field."""
    assert list(clean_errors(unsaved(issue_area=land, fiscal_year=year))) == [
        "fiscal_year"
    ]


def test_absolute_url_is_in_the_active_language(land):
    """A project's address is under /th/ on a Thai page."""
    project = unsaved(issue_area=land)
    assert project.get_absolute_url() == "/th/projects/land-services-prototype/"
