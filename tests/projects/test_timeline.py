"""The public timeline of a project: approved updates, stage changes, lessons."""

import datetime
import re

import html5lib
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Membership
from projects.models import Stage
from updates import review
from updates.models import (
    AttachmentKind,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
    UpdateLink,
)

pytestmark = pytest.mark.django_db

PAGE = "/{lang}/projects/digital-driving-licence/"


@pytest.fixture
def dlt(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
    )


@pytest.fixture
def project(make_project, dlt):
    return make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        title_en="Digital driving licence prototype",
        slug="digital-driving-licence",
        lead_agency=dlt,
    )


@pytest.fixture
def author(django_user_model, dlt):
    """A reporter whose name and address must never reach the public."""
    user = django_user_model.objects.create_user(
        username="somsri.jaidee",
        email="somsri.jaidee@dlt.go.th",
        first_name="สมศรี",
        last_name="ใจดี",
    )
    Membership.objects.create(user=user, agency=dlt)
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user(
        username="kannika.opdc",
        email="kannika.opdc@opdc.go.th",
        first_name="กรรณิกา",
        last_name="สุขใจ",
        is_staff=True,
    )
    user.user_permissions.add(Permission.objects.get(codename="review_projectupdate"))
    return user


@pytest.fixture
def make_update(project, dlt, author):
    def make(*, status=ReviewStatus.APPROVED, reported_on, extras=False, **fields):
        update = ProjectUpdate.objects.create(
            project=project,
            agency=dlt,
            author=author,
            status=status,
            reported_on=reported_on,
            title_th=fields.pop("title_th", f"รายงาน {reported_on:%Y-%m-%d}"),
            body_th=fields.pop("body_th", "ประชาชนทดลองใช้ใบขับขี่ดิจิทัล"),
            **fields,
        )
        if extras:
            UpdateLink.objects.create(
                update=update, url="https://www.dlt.go.th/", label="ข่าวกรมการขนส่งทางบก"
            )
            attach(update, "ภาพการทดลอง.jpg", AttachmentKind.IMAGE, "image/jpeg")
            attach(update, "รายงานผล.pdf", AttachmentKind.PDF, "application/pdf")
        return update

    return make


def attach(update, name, kind, content_type):
    return UpdateAttachment.objects.create(
        update=update,
        file=f"attachments/2025/02/{kind}",
        original_name=name,
        kind=kind,
        content_type=content_type,
        size=1024,
    )


def page(client, lang="th"):
    response = client.get(PAGE.format(lang=lang))
    assert response.status_code == 200
    return response.content.decode()


def timeline_titles(html):
    """The update headings' text, without the Thai-only note of English pages."""
    headings = re.findall(r"<h3>(.*?)</h3>", html, re.S)
    return [re.sub(r"<[^>]+>|\(Thai only\)", "", h).strip() for h in headings]


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("th", "1 มิถุนายน 2568", "21 กุมภาพันธ์ 2568"),
        ("en", "1 June 2025", "21 February 2025"),
    ],
)
def test_timeline_lists_approved_updates_newest_first(
    client, make_update, lang, first, second
):
    """Buddhist Era dates on Thai pages, CE on English ones, the newest on top."""
    make_update(reported_on=datetime.date(2025, 2, 21))
    make_update(reported_on=datetime.date(2025, 6, 1))
    html = page(client, lang)
    assert timeline_titles(html) == ["รายงาน 2025-06-01", "รายงาน 2025-02-21"]
    assert html.index(first) < html.index(second)
    assert f'<time datetime="2025-06-01">{first}</time>' in html


@pytest.mark.parametrize(
    "status",
    [
        ReviewStatus.DRAFT,
        ReviewStatus.SUBMITTED,
        ReviewStatus.RETURNED,
        ReviewStatus.REJECTED,
    ],
)
def test_unapproved_updates_are_never_public(client, make_update, status):
    """Drafts, submitted, returned and rejected updates stay off the page."""
    make_update(
        status=status,
        reported_on=datetime.date(2025, 3, 1),
        title_th="ร่างที่ยังไม่เผยแพร่",
        return_reason="ข้อมูลไม่ครบ",
    )
    for lang in ("th", "en"):
        html = page(client, lang)
        assert "ร่างที่ยังไม่เผยแพร่" not in html
        assert "ข้อมูลไม่ครบ" not in html
    assert "No published update yet" in page(client, "en")


def test_last_reported_gives_the_latest_approved_date(client, make_update):
    """ "Last reported" is the newest approved update's date, not a later draft's."""
    make_update(reported_on=datetime.date(2025, 2, 21))
    make_update(reported_on=datetime.date(2025, 7, 1), status=ReviewStatus.SUBMITTED)
    html = page(client, "en")
    assert re.search(
        r"<dt>Last reported</dt>\s*<dd><time datetime=\"2025-02-21\">", html
    )


def test_links_and_attachments(client, make_update):
    """Links open safely; images show with alt text, PDFs are linked."""
    update = make_update(reported_on=datetime.date(2025, 2, 21), extras=True)
    image, pdf = update.attachments.all()
    html = page(client, "th")
    assert (
        '<a href="https://www.dlt.go.th/" rel="noopener">ข่าวกรมการขนส่งทางบก</a>' in html
    )
    assert (
        f'<img src="/th/workspace/attachments/{image.pk}/" alt="{update.title_th}"'
        in (html)
    )
    assert f'<a href="/th/workspace/attachments/{pdf.pk}/"' in html
    assert "รายงานผล.pdf" in html
    english = page(client, "en")
    assert re.search(r'<img src="[^"]+" alt="[^"]+" lang="th"', english)


def test_no_personal_data_on_the_page(client, make_update, author, reviewer):
    """Neither the author nor the reviewer is named, and no address appears."""
    update = make_update(
        status=ReviewStatus.SUBMITTED,
        reported_on=datetime.date(2025, 2, 21),
        proposed_stage=Stage.PILOT,
        stage_change_reason_th="เริ่มนำร่องที่สำนักงานขนส่ง 5 แห่ง",
        extras=True,
    )
    review.update_approve(update=update, reviewer=reviewer)
    for lang in ("th", "en"):
        html = page(client, lang)
        assert "เริ่มนำร่องที่สำนักงานขนส่ง 5 แห่ง" in html
        for private in ("สมศรี", "ใจดี", "กรรณิกา", "สุขใจ", "somsri", "kannika", "@"):
            assert private not in html


def test_stage_change_and_lessons_learned_are_shown(client, make_update, reviewer):
    """An approved move to scaling up shows its reason and lessons learned."""
    update = make_update(
        status=ReviewStatus.SUBMITTED,
        reported_on=datetime.date(2025, 2, 21),
        proposed_stage=Stage.SCALING_UP,
        stage_change_reason_th="ทดลองใช้ครบ 77 จังหวัดแล้ว",
        stage_change_reason_en="Trialled in all 77 provinces",
        lessons_learned_th="ต้องอบรมเจ้าหน้าที่ก่อนเปิดให้บริการ",
        lessons_learned_en="Train the staff before opening the service",
    )
    review.update_approve(update=update, reviewer=reviewer)
    html = page(client, "en")
    assert "Stage moved from Prototype to Scaling up" in html
    lessons = html[html.index("<h2>Lessons learned</h2>") :]
    assert "<h3>From Prototype to Scaling up</h3>" in lessons
    assert "Trialled in all 77 provinces" in lessons
    assert "Train the staff before opening the service" in lessons
    assert "ต้องอบรมเจ้าหน้าที่ก่อนเปิดให้บริการ" in page(client, "th")


def test_no_lessons_section_without_lessons(client, make_update):
    """A project without recorded lessons has no empty section."""
    make_update(reported_on=datetime.date(2025, 2, 21))
    assert "Lessons learned" not in page(client, "en")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_timeline_page_is_valid_html(client, make_update, reviewer, lang):
    """The page with a timeline and lessons parses strictly, headings in order."""
    update = make_update(
        status=ReviewStatus.SUBMITTED,
        reported_on=datetime.date(2025, 2, 21),
        proposed_stage=Stage.ADOPTED,
        stage_change_reason_th="กรมนำไปใช้ทั่วประเทศ",
        lessons_learned_th="ต้องอบรมเจ้าหน้าที่",
        extras=True,
    )
    review.update_approve(update=update, reviewer=reviewer)
    html = page(client, lang)
    html5lib.HTMLParser(strict=True).parse(html)
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


def test_timeline_costs_the_same_queries_for_one_or_ten_updates(client, make_update):
    """Each update's links and attachments are fetched with all the others."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            page(client, "en")
        return len(queries)

    make_update(reported_on=datetime.date(2025, 1, 1), extras=True)
    one = count()
    for day in range(2, 11):
        make_update(reported_on=datetime.date(2025, 1, day), extras=True)
    assert ProjectUpdate.objects.count() == 10
    assert count() == one
