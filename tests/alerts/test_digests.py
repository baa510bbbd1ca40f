"""The daily digest: only published projects of the list changed since the last one."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.digests import digests_send
from alerts.models import Status, Subscription
from projects.models import Project

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
HOUR = datetime.timedelta(hours=1)


def set_times(project, *, created, updated):
    Project.objects.filter(pk=project.pk).update(created_at=created, updated_at=updated)


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def world(make_agency, make_project, make_subscription, now):
    """A DLT subscriber confirmed two days ago; projects of DLT and of RID."""
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก", name_en="Department of Land Transport", slug="dlt"
    )
    rid = make_agency(name_th="กรมชลประทาน", slug="rid")
    subscription = make_subscription(
        filters={"agency": "dlt"}, language="en", confirmed_at=now - 2 * DAY
    )
    booking = make_project(
        title_th="ระบบจองคิวทำใบขับขี่ออนไลน์",
        title_en="Online driving-licence booking",
        lead_agency=dlt,
    )
    renewal = make_project(
        title_th="ต่อภาษีรถยนต์ผ่านตู้อัตโนมัติ", title_en="", lead_agency=dlt
    )
    set_times(renewal, created=now - 30 * DAY, updated=now - DAY)
    untouched = make_project(
        title_th="ป้ายทะเบียนอัจฉริยะ", title_en="Smart number plates", lead_agency=dlt
    )
    set_times(untouched, created=now - 30 * DAY, updated=now - 3 * DAY)
    draft = make_project(
        title_th="ร่างต้นแบบที่ยังไม่เผยแพร่", lead_agency=dlt, is_published=False
    )
    flood = make_project(title_th="ระบบแจ้งเตือนน้ำท่วม", lead_agency=rid)
    for project in (booking, draft, flood):
        set_times(project, created=now - HOUR, updated=now - HOUR)
    return {"subscription": subscription, "untouched": untouched}


def test_digest_lists_new_and_updated_projects_of_the_list(world, now):
    """New and updated DLT projects are listed apart; nothing else is."""
    run = digests_send(now=now)
    assert len(run.sent) == 1
    [message] = mail.outbox
    body = message.body
    new_part, updated_part = body.split("Updated projects")
    assert "Online driving-licence booking" in new_part.split("New projects")[1]
    # No English title: the Thai one, rather than nothing.
    assert "ต่อภาษีรถยนต์ผ่านตู้อัตโนมัติ" in updated_part
    assert "https://govlab.example/en/projects/" in body
    assert "Agency: Department of Land Transport" in body
    for absent in ("Smart number plates", "ยังไม่เผยแพร่", "ระบบแจ้งเตือนน้ำท่วม"):
        assert absent not in body
    assert message.subject == (
        "Gov Lab Registry: 1 new, 1 updated in your project list"
    )


def test_digest_carries_the_one_click_headers(world, now):
    """Every digest has the RFC 8058 headers pointing at its unsubscribe link."""
    digests_send(now=now)
    message = mail.outbox[0].message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message["List-Unsubscribe"][1:-1]
    assert url.startswith("https://govlab.example/en/alerts/unsubscribe/")
    assert url in mail.outbox[0].body


def test_thai_subscriber_gets_a_thai_digest(world, now):
    """Links and titles follow the subscription's language."""
    Subscription.objects.update(language="th")
    digests_send(now=now)
    body = mail.outbox[0].body
    assert "ระบบจองคิวทำใบขับขี่ออนไลน์" in body
    assert "https://govlab.example/th/projects/" in body
    assert "/th/alerts/unsubscribe/" in body


def test_watermark_moves_and_nothing_is_sent_when_nothing_changed(world, now):
    """A second run sends nothing; a later change is in the next digest alone."""
    digests_send(now=now)
    assert Subscription.objects.get().last_digest_at == now
    later = now + datetime.timedelta(minutes=5)
    run = digests_send(now=later)
    assert run.sent == [] and run.quiet == 1
    assert len(mail.outbox) == 1
    assert Subscription.objects.get().last_digest_at == now
    untouched = world["untouched"]
    untouched.stage = "pilot"
    untouched.save()
    digests_send(now=later + datetime.timedelta(minutes=5))
    assert len(mail.outbox) == 2
    body = mail.outbox[1].body
    assert "Smart number plates" in body
    assert "Online driving-licence booking" not in body


def test_failed_send_keeps_the_watermark(world, now, monkeypatch):
    """A digest the mail server refused is sent with the next run."""

    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    run = digests_send(now=now)
    assert len(run.failed) == 1 and run.sent == []
    assert Subscription.objects.get().last_digest_at is None


def test_dry_run_sends_and_records_nothing(world, now):
    """--dry-run reports what would go out and changes nothing."""
    run = digests_send(now=now, dry_run=True)
    assert len(run.sent) == 1
    assert mail.outbox == []
    assert Subscription.objects.get().last_digest_at is None


def test_pending_and_unsubscribed_get_no_digest(world, now, make_subscription):
    """Only confirmed subscriptions are emailed."""
    make_subscription(email="pending@example.com", filters={}, status=Status.PENDING)
    make_subscription(email="", filters={}, status=Status.UNSUBSCRIBED)
    digests_send(now=now)
    assert [message.to for message in mail.outbox] == [["somchai.jaidee@example.co.th"]]


def test_list_gone_invalid_is_skipped_and_reported(world, now, make_subscription):
    """A subscription whose filters name a vanished record is skipped, not mailed."""
    gone = make_subscription(email="gone@example.com", filters={"event": "gone"})
    run = digests_send(now=now)
    assert run.invalid == [gone]
    assert len(mail.outbox) == 1


def test_long_digest_is_cut_with_a_count(
    make_project, make_subscription, now, settings
):
    """Past the limit, the digest says how many more and links to the list."""
    settings.ALERTS_DIGEST_MAX_PROJECTS = 2
    make_subscription(filters={"stage": "idea"}, language="en", confirmed_at=now - DAY)
    for _ in range(3):
        make_project(stage="idea")
    digests_send(now=timezone.now())
    body = mail.outbox[0].body
    assert body.count("* ") == 2
    assert "and 1 more new project in the list." in body
    assert "https://govlab.example/en/projects/?stage=idea" in body


def test_query_count_does_not_grow_with_projects(make_project, make_subscription, now):
    """30 changed projects cost the same queries as 3: no per-project query."""

    def queries_for(count):
        Project.objects.all().delete()
        Subscription.objects.all().delete()
        make_subscription(filters={"track": "agency"}, confirmed_at=now - DAY)
        for _ in range(count):
            make_project()
        with CaptureQueriesContext(connection) as captured:
            run = digests_send(now=timezone.now())
        assert run.sent[0].new_count == count
        return len(captured)

    assert queries_for(30) == queries_for(3)


def test_search_words_match_thai_text_inside_compounds(
    make_project, make_subscription, now
):
    """A subscription to a Thai search gets the projects the search finds."""
    make_subscription(filters={"q": "ยาเสพติด"}, language="en", confirmed_at=now - DAY)
    make_project(title_th="การป้องกันและปราบปรามยาเสพติด", title_en="")
    make_project(title_th="การให้บริการด้านที่ดิน", title_en="")
    digests_send(now=timezone.now())
    [message] = mail.outbox
    assert "การป้องกันและปราบปรามยาเสพติด" in message.body
    assert "การให้บริการด้านที่ดิน" not in message.body
    assert message.subject == "Gov Lab Registry: 1 new project in your list"
