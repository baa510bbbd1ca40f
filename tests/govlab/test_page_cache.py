"""The anonymous page cache: shared pages served from the cache, and never stale.

Each test runs against the local-memory cache and, when REDIS_URL names a Redis
server (CI sets it), against Redis too, through Django's own RedisCache.
"""

import os

import pytest
from django.core.cache import caches
from django.utils import timezone

from alerts.models import Status, Subscription
from alerts.tokens import unsubscribe_token
from govlab import page_cache
from projects.models import Project
from updates.models import ProjectUpdate, ReviewStatus

pytestmark = pytest.mark.django_db

BACKENDS = ["locmem"] + (["redis"] if os.environ.get("REDIS_URL") else [])


@pytest.fixture(params=BACKENDS)
def cache_on(request, settings):
    if request.param == "redis":
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ["REDIS_URL"],
                # Its own prefix: a developer's running portal may share the server.
                "KEY_PREFIX": "govlab-tests",
            }
        }
    else:
        settings.CACHES = {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        }
    settings.PAGE_CACHE_SECONDS = 300
    caches["default"].clear()
    yield request.param
    caches["default"].clear()


@pytest.fixture
def land_project(make_project, make_agency):
    dol = make_agency(
        name_th="กรมที่ดิน", name_en="Department of Lands", slug="department-of-lands"
    )
    return make_project(
        title_th="ต้นแบบบริการออกโฉนดที่ดินออนไลน์",
        title_en="Online land title deed service prototype",
        slug="online-land-title-deed",
        lead_agency=dol,
    )


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_second_visit_is_served_from_the_cache_without_queries(
    client, cache_on, land_project, django_assert_num_queries
):
    first = get(client, "/th/projects/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(client, "/th/projects/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "ต้นแบบบริการออกโฉนดที่ดินออนไลน์" in second.content.decode()
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Language"] == "th"


def test_each_address_and_language_is_its_own_page(client, cache_on, land_project):
    get(client, "/th/projects/")
    english = get(client, "/en/projects/")
    assert english["X-Page-Cache"] == "miss"
    assert "Online land title deed service prototype" in english.content.decode()
    filtered = get(client, "/th/projects/?q=" + "โฉนด")
    assert filtered["X-Page-Cache"] == "miss"
    assert get(client, "/th/projects/?q=" + "โฉนด")["X-Page-Cache"] == "hit"


def test_api_hits_still_carry_cors_headers(client, cache_on, land_project):
    client.get("/api/v1/projects/", headers={"Origin": "https://data.go.th"})
    hit = client.get("/api/v1/projects/", headers={"Origin": "https://example.org"})
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Access-Control-Allow-Origin"] == "*"


def test_signed_in_users_never_share_pages(
    client, admin_client, cache_on, land_project
):
    """An editor sees their own header (and links) and their pages are not stored."""
    staff_page = admin_client.get("/th/projects/")
    assert "X-Page-Cache" not in staff_page
    assert "X-Page-Cache" not in admin_client.get("/th/projects/")
    anonymous = get(client, "/th/projects/")
    assert anonymous["X-Page-Cache"] == "miss"
    assert "ออกจากระบบ" not in anonymous.content.decode()  # "Sign out"


def test_pages_that_set_a_cookie_are_not_stored(client, cache_on):
    """The sign-in page sets its CSRF cookie: each visitor gets their own."""
    for _ in range(2):
        response = client.get("/th/accounts/login/")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        client.cookies.clear()


# These commit for real, as the admin does: the bump runs after the commit, never
# inside the transaction a test would otherwise roll back. serialized_rollback puts
# back the rows migrations made (content types, the editors group) for later tests.
committing = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@committing
def test_publishing_in_the_admin_shows_on_every_page_at_once(
    client,
    admin_client,
    cache_on,
    land_project,
    make_project,
):
    draft = make_project(
        title_th="ต้นแบบระบบนัดหมายรังวัดที่ดิน",
        title_en="Land survey booking prototype",
        slug="land-survey-booking",
        lead_agency=land_project.lead_agency,
        is_published=False,
    )
    pages = [
        "/th/",
        "/th/projects/",
        "/th/projects/?q=รังวัด",
        "/en/projects/",
        f"/th/agencies/{land_project.lead_agency.slug}/",
        "/api/v1/projects/",
        "/th/feeds/projects.atom",
    ]
    # Parts of the title that search results do not highlight.
    new = ("ต้นแบบระบบนัดหมาย", "Land survey booking prototype")
    for url in pages:
        html = get(client, url).content.decode()
        assert not any(title in html for title in new), url
    assert client.get("/th/projects/land-survey-booking/").status_code == 404

    response = admin_client.post(
        "/en/admin/projects/project/",
        {"action": "publish", "_selected_action": [draft.pk]},
    )
    assert response.status_code == 302
    assert Project.objects.get(pk=draft.pk).is_published

    for url in pages:
        fresh = get(client, url)
        assert fresh["X-Page-Cache"] == "miss", url
        assert any(title in fresh.content.decode() for title in new), url
    assert get(client, "/th/projects/land-survey-booking/")["X-Page-Cache"] == "miss"


@committing
def test_withdrawing_removes_the_project_page_at_once(
    client, admin_client, cache_on, land_project
):
    get(client, "/th/projects/online-land-title-deed/")
    assert get(client, "/th/projects/online-land-title-deed/")["X-Page-Cache"] == "hit"
    admin_client.post(
        "/en/admin/projects/project/",
        {"action": "unpublish", "_selected_action": [land_project.pk]},
    )
    assert client.get("/th/projects/online-land-title-deed/").status_code == 404
    assert "ออกโฉนด" not in get(client, "/th/projects/").content.decode()


@committing
def test_an_approved_update_shows_on_the_project_timeline_at_once(
    client,
    admin_client,
    cache_on,
    land_project,
    django_user_model,
):
    author = django_user_model.objects.create_user(username="somchai.dol")
    update = ProjectUpdate.objects.create(
        project=land_project,
        agency=land_project.lead_agency,
        author=author,
        status=ReviewStatus.SUBMITTED,
        reported_on="2025-06-01",
        title_th="เปิดให้ประชาชนทดลองยื่นคำขอออนไลน์",
        body_th="สำนักงานที่ดินสามแห่งเปิดให้ทดลองใช้บริการ",
    )
    url = "/th/projects/online-land-title-deed/"
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    assert "เปิดให้ประชาชนทดลองยื่นคำขอออนไลน์" not in get(client, url).content.decode()

    response = admin_client.post(
        "/en/admin/updates/projectupdate/?status=all",
        {"action": "approve_selected", "_selected_action": [update.pk]},
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.status == ReviewStatus.APPROVED

    page = get(client, url)
    assert page["X-Page-Cache"] == "miss"
    assert "เปิดให้ประชาชนทดลองยื่นคำขอออนไลน์" in page.content.decode()


@committing
def test_a_change_outside_a_transaction_empties_it_too(client, cache_on, land_project):
    """A shell or command edit (autocommit, really committed) counts as much as an
    admin one."""
    get(client, "/th/projects/")
    land_project.lead_agency.name_th = "กรมที่ดิน (สำนักงานใหญ่)"
    land_project.lead_agency.save()
    page = get(client, "/th/projects/")
    assert page["X-Page-Cache"] == "miss"
    assert "กรมที่ดิน (สำนักงานใหญ่)" in page.content.decode()


def test_a_new_day_starts_afresh(client, cache_on, land_project, monkeypatch):
    """Upcoming events and freshness marks depend on the date."""
    import datetime

    get(client, "/th/")
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: tomorrow)
    assert get(client, "/th/")["X-Page-Cache"] == "miss"


def test_alert_token_pages_are_never_stored(client, cache_on):
    """An unsubscribe page shows one subscription's state, which a POST changes."""
    subscription = Subscription.objects.create(
        email="somsri@example.com",
        filters={},
        status=Status.CONFIRMED,
        key="k" * 40,
        confirmed_at=timezone.now(),
    )
    url = f"/th/alerts/unsubscribe/{unsubscribe_token(subscription.key)}/"
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_an_unreachable_cache_slows_the_site_but_does_not_break_it(
    client, settings, land_project, caplog
):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 1.
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    settings.PAGE_CACHE_SECONDS = 300
    response = get(client, "/th/projects/")
    assert "ต้นแบบบริการออกโฉนดที่ดินออนไลน์" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "Page cache unavailable" in caplog.text


def test_a_lost_generation_number_never_brings_old_pages_back(
    client, cache_on, land_project
):
    """Redis may evict the generation number while older pages survive."""
    old_title = "Online land title deed service prototype"
    assert old_title in get(client, "/en/projects/").content.decode()
    land_project.title_en = "Electronic land title deed prototype"
    land_project.save()
    page_cache.invalidate()
    # The Thai list is rendered again; the English one is still the old page.
    get(client, "/th/projects/")

    caches["default"].delete(page_cache.GENERATION_KEY)
    fresh = get(client, "/en/projects/")
    assert fresh["X-Page-Cache"] == "miss"
    assert old_title not in fresh.content.decode()
    assert "Electronic land title deed prototype" in fresh.content.decode()


def test_a_bulk_change_queues_one_bump_per_transaction(
    make_agency, django_capture_on_commit_callbacks
):
    """Deleting many rows at once must not queue one cache bump per row."""
    from django.db import transaction

    from agencies.models import Agency

    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            for number in range(5):
                make_agency(slug=f"synthetic-department-{number}")
            Agency.objects.filter(slug__startswith="synthetic-").delete()
    assert callbacks == [page_cache._invalidate_logging_failure]
