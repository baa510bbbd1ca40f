import datetime
import io
import zoneinfo
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accounts.models import Membership, Role
from projects.models import Project, Track
from updates.models import ProjectUpdate, ReminderLog, ReviewStatus
from updates.reminders import reminders_send

pytestmark = pytest.mark.django_db

BANGKOK = zoneinfo.ZoneInfo("Asia/Bangkok")


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.STALE_AFTER_DAYS = 90
    settings.STALE_REMINDER_PERIOD_DAYS = 30
    settings.SITE_URL = "https://govlab.example"


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def member(django_user_model):
    def make(agency, username, *, email=None, role=Role.REPORTER, **fields):
        user = django_user_model.objects.create_user(
            username=username,
            email=f"{username}@example.go.th" if email is None else email,
            **fields,
        )
        Membership.objects.create(user=user, agency=agency, role=role)
        return user

    return make


@pytest.fixture
def old_project(make_project):
    """A published project created long before the stale period began."""

    def make(**fields):
        project = make_project(**fields)
        created = timezone.now() - datetime.timedelta(days=400)
        Project.objects.filter(pk=project.pk).update(created_at=created)
        return project

    return make


def approve(project, *, on):
    ProjectUpdate.objects.create(
        project=project,
        agency=project.lead_agency,
        title="รายงานความคืบหน้า",
        body="ทดลองใช้ต้นแบบกับประชาชนแล้ว",
        reported_on=on,
        status=ReviewStatus.APPROVED,
    )


@pytest.fixture
def world(make_agency, old_project, member, today):
    """DLT: two stale projects (one it only takes part in), one fresh; RID: one stale;
    the Royal Thai Police: only a fresh project."""
    dlt = make_agency(name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport")
    rid = make_agency(name_th="กรมชลประทาน", name_en="Royal Irrigation Department")
    police = make_agency(name_th="สำนักงานตำรวจแห่งชาติ", name_en="Royal Thai Police")
    licence = old_project(
        title_th="ระบบจองคิวทำใบขับขี่ออนไลน์",
        title_en="Online driving-licence booking",
        slug="driving-licence-booking",
        lead_agency=dlt,
    )
    approve(licence, on=datetime.date(2024, 2, 21))
    land = old_project(
        title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        title_en="",
        slug="land-services-prototype",
        track=Track.SERVICE_ISSUE,
        participating=[dlt],
    )
    dlt_fresh = old_project(title_th="ป้ายทะเบียนดิจิทัล", lead_agency=dlt)
    approve(dlt_fresh, on=today - datetime.timedelta(days=5))
    irrigation = old_project(title_th="ต้นแบบนวัตกรรม กรมชลประทาน", lead_agency=rid)
    police_fresh = old_project(title_th="ปัญญาประดิษฐ์ตำรวจ", lead_agency=police)
    approve(police_fresh, on=today)
    member(dlt, "somchai")
    member(dlt, "malee", role=Role.AGENCY_LEAD)
    member(dlt, "no_email", email="")
    member(dlt, "departed", is_active=False)
    member(rid, "prasit")
    member(police, "wichai")
    return SimpleNamespace(
        dlt=dlt,
        rid=rid,
        police=police,
        licence=licence,
        land=land,
        dlt_fresh=dlt_fresh,
        irrigation=irrigation,
    )


def run_command(*args):
    out = io.StringIO()
    call_command("send_stale_reminders", *args, stdout=out)
    return out.getvalue()


def by_recipient(outbox):
    recipients = [address for message in outbox for address in message.to]
    assert len(recipients) == len(set(recipients)), "someone got two reminders"
    return {message.to[0]: message for message in outbox}


def test_each_member_gets_one_email_listing_only_their_agencys_stale_projects(
    world, mailoutbox
):
    """DLT's members hear of DLT's two stale projects, RID's of RID's, police: none."""
    run_command()
    emails = by_recipient(mailoutbox)
    assert set(emails) == {
        "somchai@example.go.th",
        "malee@example.go.th",
        "prasit@example.go.th",
    }
    for address in ("somchai@example.go.th", "malee@example.go.th"):
        body = emails[address].body
        assert "ระบบจองคิวทำใบขับขี่ออนไลน์" in body
        assert "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน" in body
        assert "ป้ายทะเบียนดิจิทัล" not in body
        assert "ต้นแบบนวัตกรรม กรมชลประทาน" not in body
    rid_body = emails["prasit@example.go.th"].body
    assert "ต้นแบบนวัตกรรม กรมชลประทาน" in rid_body
    assert "ระบบจองคิวทำใบขับขี่ออนไลน์" not in rid_body


def test_email_is_in_thai_then_english_with_workspace_links(world, mailoutbox):
    """Titles in both languages (Thai where English is missing), B.E. and CE dates."""
    run_command()
    body = by_recipient(mailoutbox)["somchai@example.go.th"].body
    thai, english = body.split("-" * 60)
    assert "กรมการขนส่งทางบก" in thai
    assert "21 กุมภาพันธ์ 2567" in thai
    assert "https://govlab.example/th/workspace/projects/driving-licence-booking/" in (
        thai
    )
    assert "Department of Land Transport" in english
    assert "Online driving-licence booking" in english
    assert "21 February 2024" in english
    assert "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน" in english
    assert "https://govlab.example/en/workspace/projects/land-services-prototype/" in (
        english
    )
    assert "Not reported on yet" in english


def test_each_reminded_agency_is_logged_with_its_project_count(world):
    """A run records one reminder per agency emailed, and none for the others."""
    run_command()
    logs = {log.agency: log.project_count for log in ReminderLog.objects.all()}
    assert logs == {world.dlt: 2, world.rid: 1}


def test_second_run_in_the_same_period_sends_nothing(world, mailoutbox, today):
    """Run again the same day, or 29 days later: no new email, no new log."""
    run_command()
    sent = len(mailoutbox)
    run_command()
    output = run_command("--today", (today + datetime.timedelta(days=29)).isoformat())
    assert len(mailoutbox) == sent
    assert ReminderLog.objects.count() == 2
    assert "reminded within the period" in output


def test_run_after_the_period_sends_again(world, mailoutbox, today):
    """30 days after the last reminder, the agencies are reminded once more."""
    run_command()
    mailoutbox.clear()
    run_command("--today", (today + datetime.timedelta(days=30)).isoformat())
    assert set(by_recipient(mailoutbox)) == {
        "somchai@example.go.th",
        "malee@example.go.th",
        "prasit@example.go.th",
    }
    assert ReminderLog.objects.count() == 4


def test_period_counts_whole_local_days(world, mailoutbox, today):
    """A reminder at 00:10 Bangkok time 29 days ago blocks; at 23:50 30 days ago not."""
    reminded_at = datetime.datetime.combine(
        today - datetime.timedelta(days=29), datetime.time(0, 10), tzinfo=BANGKOK
    )
    ReminderLog.objects.create(agency=world.dlt, project_count=2)
    ReminderLog.objects.create(agency=world.rid, project_count=1)
    ReminderLog.objects.filter(agency=world.dlt).update(sent_at=reminded_at)
    ReminderLog.objects.filter(agency=world.rid).update(
        sent_at=reminded_at - datetime.timedelta(minutes=20)
    )
    run_command()
    assert set(by_recipient(mailoutbox)) == {"prasit@example.go.th"}


def test_dry_run_sends_and_logs_nothing(world, mailoutbox):
    """--dry-run names the agencies it would remind, and changes nothing."""
    output = run_command("--dry-run")
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()
    assert "Would remind" in output
    assert "2 agency(ies), 3 email(s) to send (dry run)" in output


def test_agency_without_reachable_members_is_not_logged(
    old_project, make_agency, member, mailoutbox
):
    """Members without an email or inactive: nothing sent, so nothing logged."""
    customs = make_agency(name_th="กรมศุลกากร", name_en="Customs Department")
    old_project(lead_agency=customs)
    member(customs, "no_email", email="")
    member(customs, "departed", is_active=False)
    output = run_command()
    assert mailoutbox == []
    assert not ReminderLog.objects.exists()
    assert "no member with an email" in output


def test_invalid_today_is_refused(db):
    """--today takes an ISO date; anything else is a command error."""
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run_command("--today", "21/02/2568")


def test_queries_are_fixed_plus_one_per_agency_reminded(
    make_agency, old_project, member, mailoutbox, today, django_assert_num_queries
):
    """More projects or members cost nothing more; each agency reminded costs one."""

    def agency_with(projects, members):
        agency = make_agency()
        for _ in range(projects):
            project = old_project(lead_agency=agency, participating=[make_agency()])
            approve(project, on=today - datetime.timedelta(days=200))
        for n in range(members):
            member(agency, f"{agency.slug}-{n}")
        return agency

    # Stale projects, participants, logs, members; then one log row per agency.
    agency_with(projects=1, members=1)
    with django_assert_num_queries(4 + 1):
        reminders_send(today=today)

    ReminderLog.objects.all().delete()
    for _ in range(3):
        agency_with(projects=10, members=4)
    with django_assert_num_queries(4 + 4):
        run = reminders_send(today=today)
    assert len(run.reminders) == 4
    assert len(mailoutbox) == 1 + (1 + 3 * 4)
