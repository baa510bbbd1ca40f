import pytest
from django.utils import translation

from agencies.models import Agency, AgencyKind
from agencies.selectors import (
    AgencyProjects,
    agency_get,
    agency_list_by_kind,
    agency_project_list,
)

pytestmark = pytest.mark.django_db


def test_groups_follow_the_order_of_agency_kinds(make_agency):
    """Agencies come grouped by kind, in AgencyKind order, empty kinds left out."""
    make_agency(kind=AgencyKind.ACADEMIC_INSTITUTION, name_th="มหาวิทยาลัยมหิดล")
    make_agency(kind=AgencyKind.GOVERNMENT_DEPARTMENT, name_th="กรมชลประทาน")
    make_agency(
        kind=AgencyKind.INTERNATIONAL_ORGANISATION,
        name_th="โครงการพัฒนาแห่งสหประชาชาติ",
    )
    make_agency(kind=AgencyKind.GOVERNMENT_DEPARTMENT, name_th="กรมศุลกากร")
    groups = agency_list_by_kind()
    assert [group.kind for group in groups] == [
        AgencyKind.GOVERNMENT_DEPARTMENT,
        AgencyKind.ACADEMIC_INSTITUTION,
        AgencyKind.INTERNATIONAL_ORGANISATION,
    ]
    assert [a.name_th for a in groups[0].agencies] == ["กรมชลประทาน", "กรมศุลกากร"]


def test_english_order_falls_back_to_the_thai_name(make_agency):
    """On English pages an agency without an English name sorts by its Thai name."""
    make_agency(name_th="กรมศุลกากร", name_en="")
    make_agency(name_th="กรมชลประทาน", name_en="Royal Irrigation Department")
    make_agency(name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport")
    with translation.override("en"):
        names = [a.name_th for a in agency_list_by_kind()[0].agencies]
    assert names == ["กรมการขนส่งทางบก", "กรมชลประทาน", "กรมศุลกากร"]


def test_project_count_takes_every_role_once_and_only_published(
    make_agency, make_project
):
    """The count is distinct published projects led, joined or advised."""
    agency = make_agency(name_th="สถาบันบัณฑิตพัฒนบริหารศาสตร์", slug="nida")
    make_project(lead_agency=agency)
    make_project(participating=[agency])
    make_project(consultants=[agency])
    make_project(lead_agency=agency, participating=[agency], consultants=[agency])
    make_project(lead_agency=agency, is_published=False)
    idle = make_agency(slug="idle")
    counts = {
        a.slug: a.project_count for g in agency_list_by_kind() for a in g.agencies
    }
    assert counts["nida"] == 4
    assert counts[idle.slug] == 0


def test_agency_projects_split_by_role_without_drafts(make_agency, make_project):
    """An agency's projects come split into led, joined and advised, published only."""
    agency = make_agency(name_th="มหาวิทยาลัยมหิดล")
    led = make_project(lead_agency=agency)
    joined = make_project(participating=[agency])
    advised = make_project(consultants=[agency])
    make_project(lead_agency=agency, is_published=False)
    make_project(participating=[agency], is_published=False)
    make_project(consultants=[agency], is_published=False)
    projects = AgencyProjects.of(agency_project_list(agency=agency))
    assert [p.slug for p in projects.leads] == [led.slug]
    assert [p.slug for p in projects.participates] == [joined.slug]
    assert [p.slug for p in projects.consults] == [advised.slug]


def test_agency_projects_is_false_when_there_are_none(make_agency, make_project):
    """An agency with only draft projects has nothing to show."""
    agency = make_agency()
    make_project(lead_agency=agency, is_published=False)
    assert not AgencyProjects.of(agency_project_list(agency=agency))


def test_agency_project_list_gives_a_project_once_under_its_leading_role(
    make_agency, make_project
):
    """A project the agency leads and also lists among participants is led, once."""
    agency = make_agency()
    led = make_project(lead_agency=agency, participating=[agency], consultants=[agency])
    joined = make_project(participating=[agency], consultants=[agency])
    projects = AgencyProjects.of(agency_project_list(agency=agency))
    assert [p.slug for p in projects.leads] == [led.slug]
    assert [p.slug for p in projects.participates] == [joined.slug]
    assert projects.consults == []


def test_agency_get_raises_for_an_unknown_slug(db):
    """An unknown slug raises DoesNotExist, which the view turns into a 404."""
    with pytest.raises(Agency.DoesNotExist):
        agency_get(slug="no-such-agency")
