"""Agencies, accounts of every kind and records for the workspace tests.

Two agencies: the Department of Land Transport (DLT), whose staff use the
workspace, and the Royal Irrigation Department (RID), another agency whose
records DLT staff must never reach.
"""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from accounts.models import Membership, Role
from updates.models import ProjectProposal, ProjectUpdate, ReviewStatus


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a fresh folder, so a test can see exactly what was written."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def stored_files(media_root):
    """Every file under MEDIA_ROOT, as a sorted list of paths."""

    def files():
        if not media_root.exists():
            return []
        return sorted(path for path in media_root.rglob("*") if path.is_file())

    return files


@pytest.fixture
def dlt(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
    )


@pytest.fixture
def rid(make_agency):
    return make_agency(
        name_th="กรมชลประทาน",
        name_en="Royal Irrigation Department",
        slug="royal-irrigation-department",
    )


@pytest.fixture
def dlt_project(make_project, dlt):
    return make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        title_en="Digital driving licence prototype",
        slug="digital-driving-licence",
        lead_agency=dlt,
    )


@pytest.fixture
def rid_project(make_project, rid):
    return make_project(
        title_th="ต้นแบบนวัตกรรม การแจ้งเตือนน้ำท่วม",
        title_en="Flood alert prototype",
        slug="flood-alert",
        lead_agency=rid,
    )


@pytest.fixture
def make_member(django_user_model):
    def make(username, agency=None, role=Role.REPORTER, **fields):
        user = django_user_model.objects.create_user(
            username=username, email=f"{username}@example.go.th", **fields
        )
        if agency is not None:
            Membership.objects.create(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def reporter(make_member, dlt):
    return make_member("somsri", dlt, first_name="สมศรี", last_name="ใจดี")


@pytest.fixture
def colleague(make_member, dlt):
    """A second reporter of the same agency."""
    return make_member("malee", dlt)


@pytest.fixture
def lead(make_member, dlt):
    return make_member("prasert", dlt, Role.AGENCY_LEAD)


@pytest.fixture
def outsider(make_member, rid):
    """An agency lead of another agency."""
    return make_member("wichai", rid, Role.AGENCY_LEAD)


@pytest.fixture
def editor(make_member):
    """OPDC staff in the editors group, without any agency membership."""
    user = make_member("somchai", is_staff=True)
    user.groups.add(Group.objects.get(name="OPDC editors"))
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="root", email="root@opdc.go.th", password="x"
    )


@pytest.fixture
def make_update(dlt_project, dlt):
    def make(*, author, project=None, agency=None, status=ReviewStatus.DRAFT, **kw):
        values = {
            "title_th": "ทดลองให้บริการใบขับขี่ดิจิทัลที่สำนักงานขนส่ง",
            "body_th": "ประชาชนกว่า 500 คนทดลองใช้ใบขับขี่ดิจิทัล",
            "reported_on": datetime.date(2025, 2, 21),
        }
        values.update(kw)
        return ProjectUpdate.objects.create(
            project=project or dlt_project,
            agency=agency or dlt,
            author=author,
            status=status,
            **values,
        )

    return make


@pytest.fixture
def make_proposal(dlt):
    def make(*, author, agency=None, status=ReviewStatus.DRAFT, **kw):
        values = {
            "title_th": "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์",
            "track": "agency",
            "fiscal_year": 2568,
        }
        values.update(kw)
        return ProjectProposal.objects.create(
            agency=agency or dlt, author=author, status=status, **values
        )

    return make
