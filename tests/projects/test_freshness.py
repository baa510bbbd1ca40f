import datetime
import zoneinfo

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from projects.freshness import (
    project_last_reported_on,
    stale_projects,
    with_last_reported,
)
from projects.models import Project, Track
from updates.models import ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")
CHANGELIST = "/{lang}/admin/projects/project/"
NOT_PUBLISHED = [
    ReviewStatus.DRAFT,
    ReviewStatus.SUBMITTED,
    ReviewStatus.RETURNED,
    ReviewStatus.REJECTED,
]


@pytest.fixture(autouse=True)
def stale_after_90_days(settings):
    settings.STALE_AFTER_DAYS = 90


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def old_project(make_project):
    """Make a published project created long before the stale period began."""

    def make(**fields):
        project = make_project(**fields)
        created = timezone.now() - datetime.timedelta(days=400)
        Project.objects.filter(pk=project.pk).update(created_at=created)
        return project

    return make


def report(project, *, on, status=ReviewStatus.APPROVED):
    return ProjectUpdate.objects.create(
        project=project,
        agency=project.lead_agency,
        title="รายงานความคืบหน้า",
        body="ทดลองใช้ต้นแบบกับประชาชนแล้ว",
        reported_on=on,
        status=status,
    )


def stale_slugs(today, **kwargs):
    return set(stale_projects(today=today, **kwargs).values_list("slug", flat=True))


def test_project_reported_on_within_the_period_is_fresh(old_project, today):
    """An approved update reported exactly 90 days ago still keeps a project fresh."""
    project = old_project()
    report(project, on=today - datetime.timedelta(days=90))
    assert stale_slugs(today) == set()


def test_project_is_stale_once_its_last_approved_update_is_too_old(old_project, today):
    """91 days after its latest approved update a project is stale."""
    project = old_project()
    report(project, on=today - datetime.timedelta(days=91))
    report(project, on=today - datetime.timedelta(days=200))
    assert stale_slugs(today) == {project.slug}


@pytest.mark.parametrize("status", NOT_PUBLISHED)
def test_unpublished_updates_do_not_count(old_project, today, status):
    """A draft, submitted, returned or rejected update of today leaves it stale."""
    project = old_project()
    report(project, on=today, status=status)
    assert stale_slugs(today) == {project.slug}
    assert project_last_reported_on(project=project) is None


def test_never_reported_project_counts_from_its_creation_in_local_time(
    make_project, today
):
    """Created 00:30 Bangkok time 90 days ago (the day before in UTC): still fresh."""
    fresh, stale = make_project(), make_project()
    day = today - datetime.timedelta(days=90)
    created = datetime.datetime.combine(day, datetime.time(0, 30), tzinfo=BANGKOK)
    Project.objects.filter(pk=fresh.pk).update(created_at=created)
    Project.objects.filter(pk=stale.pk).update(
        created_at=created - datetime.timedelta(hours=1)
    )
    assert stale_slugs(today) == {stale.slug}


def test_unpublished_projects_are_never_stale(old_project, today):
    """A project the public cannot see is not chased for reports."""
    old_project(is_published=False)
    assert stale_slugs(today) == set()


def test_period_comes_from_the_settings(old_project, today, settings):
    """With STALE_AFTER_DAYS at 30, an update of 45 days ago is too old."""
    project = old_project()
    report(project, on=today - datetime.timedelta(days=45))
    assert stale_slugs(today) == set()
    settings.STALE_AFTER_DAYS = 30
    assert stale_slugs(today) == {project.slug}


def test_stale_projects_of_an_agency_are_those_it_leads_or_takes_part_in(
    old_project, make_agency, make_issue_area, today
):
    """An agency's stale projects: led, taken part in, listed once; not others'."""
    dlt = make_agency(name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport")
    led = old_project(lead_agency=dlt, participating=[dlt])
    joined = old_project(track=Track.SERVICE_ISSUE, participating=[dlt])
    old_project()
    fresh = old_project(lead_agency=dlt)
    report(fresh, on=today)
    projects = list(stale_projects(today=today, agency=dlt))
    assert sorted(p.slug for p in projects) == sorted([led.slug, joined.slug])


def test_last_reported_is_the_latest_approved_reporting_date(
    old_project, today, django_assert_num_queries
):
    """The annotation and the helper give the newest approved date, None if none."""
    reported, silent = old_project(), old_project()
    report(reported, on=datetime.date(2024, 5, 1))
    report(reported, on=datetime.date(2024, 8, 15))
    report(reported, on=datetime.date(2024, 9, 1), status=ReviewStatus.SUBMITTED)
    assert project_last_reported_on(project=reported) == datetime.date(2024, 8, 15)
    assert project_last_reported_on(project=silent) is None
    annotated = {p.pk: p for p in with_last_reported(Project.objects.all())}
    with django_assert_num_queries(0):
        assert project_last_reported_on(project=annotated[reported.pk]) == (
            datetime.date(2024, 8, 15)
        )
        assert project_last_reported_on(project=annotated[silent.pk]) is None


@pytest.fixture
def editor_client(client, django_user_model):
    """A logged-in OPDC staff member: staff, in "OPDC editors", not a superuser."""
    user = django_user_model.objects.create_user(
        username="somchai", password="unused-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="OPDC editors"))
    client.force_login(user)
    return client


@pytest.fixture
def mixed_projects(old_project, today):
    stale = old_project(title_th="ระบบจองคิวทำใบขับขี่ออนไลน์", title_en="")
    fresh = old_project(title_th="ต้นแบบนวัตกรรม กรมชลประทาน", title_en="")
    report(fresh, on=today - datetime.timedelta(days=10))
    hidden = old_project(title_th="ต้นแบบที่ยังไม่เผยแพร่", is_published=False)
    return stale, fresh, hidden


def listed(response):
    return {project.pk for project in response.context["cl"].result_list}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_admin_filter_lists_exactly_the_stale_projects(
    editor_client, mixed_projects, lang
):
    """OPDC staff filtering by "stale" see the stale project and nothing else."""
    stale, fresh, hidden = mixed_projects
    response = editor_client.get(CHANGELIST.format(lang=lang), {"freshness": "stale"})
    assert response.status_code == 200
    assert listed(response) == {stale.pk}
    assert "ระบบจองคิวทำใบขับขี่ออนไลน์" in response.content.decode()
    assert "ต้นแบบนวัตกรรม กรมชลประทาน" not in response.content.decode()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_admin_filter_lists_the_fresh_projects(editor_client, mixed_projects, lang):
    """Filtering by "fresh" gives the published project reported on recently."""
    stale, fresh, hidden = mixed_projects
    response = editor_client.get(CHANGELIST.format(lang=lang), {"freshness": "fresh"})
    assert listed(response) == {fresh.pk}


def test_admin_shows_when_each_project_was_last_reported(editor_client, old_project):
    """The changelist's "last reported" column gives the date in the Buddhist Era."""
    project = old_project(title_th="ระบบจองคิวทำใบขับขี่ออนไลน์")
    report(project, on=datetime.date(2025, 2, 21))
    thai = editor_client.get(CHANGELIST.format(lang="th")).content.decode()
    english = editor_client.get(CHANGELIST.format(lang="en")).content.decode()
    assert "21 กุมภาพันธ์ 2568" in thai
    assert "21 February 2025" in english


def test_admin_filter_costs_the_same_queries_for_3_or_30_projects(
    editor_client, old_project, today
):
    """The stale filter and the column are annotations, not a query per project."""

    def queries_for(count):
        for n in range(count):
            project = old_project()
            if n % 2:
                report(project, on=today - datetime.timedelta(days=200))
        with CaptureQueriesContext(connection) as context:
            response = editor_client.get(
                CHANGELIST.format(lang="th"), {"freshness": "stale"}
            )
        assert response.status_code == 200
        return len(context)

    assert queries_for(3) == queries_for(27)


def test_admin_action_works_on_the_stale_filtered_list(editor_client, mixed_projects):
    """Withdrawing a project from the "stale" list withdraws just that project."""
    stale, fresh, hidden = mixed_projects
    response = editor_client.post(
        CHANGELIST.format(lang="en") + "?freshness=stale",
        {"action": "unpublish", "_selected_action": [stale.pk]},
    )
    assert response.status_code == 302
    published = Project.objects.filter(is_published=True)
    assert set(published.values_list("pk", flat=True)) == {fresh.pk}
