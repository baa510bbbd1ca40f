"""Every page kind works under the Content-Security-Policy: no inline script or style.

The workspace's pages and the admin's review pages are checked in
tests/updates/test_content_policy_workspace.py.
"""

import pytest
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Membership, Role
from alerts.models import Subscription
from tests.content_policy import assert_works_under_policy, policy_directives
from tests.page_kinds import page_paths

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["th", "en"])
def test_public_pages_have_no_inline_code(client, page_kinds_registry, lang):
    """Every public page kind, in both languages, runs only the site's own files."""
    paths = page_paths(lang) + [
        f"/{lang}/search/?q=ที่ดิน",
        f"/{lang}/stats/",
        f"/{lang}/alerts/subscribe/",
        f"/{lang}/accounts/login/",
        f"/{lang}/accounts/password/reset/",
    ]
    for path in paths:
        assert_works_under_policy(client.get(path))


def test_not_found_page_carries_the_policy(client):
    """Error pages carry the policy too."""
    response = client.get("/th/projects/no-such-project/")
    assert response.status_code == 404
    assert policy_directives(response)["script-src"] == ["'self'"]


def test_cached_page_keeps_the_policy(client, settings, page_kinds_registry):
    """A page served from the page cache still carries the policy."""
    settings.PAGE_CACHE_SECONDS = 60
    client.get("/th/projects/")
    response = client.get("/th/projects/")
    assert response.headers.get("X-Page-Cache") == "hit"
    assert_works_under_policy(response)


@pytest.fixture
def records(page_kinds_registry, django_user_model):
    """At least one record of every kind the admin edits, for its change forms."""
    member = django_user_model.objects.create_user(username="somsri", password="x")
    Membership.objects.create(
        user=member, agency=page_kinds_registry["agency"], role=Role.REPORTER
    )
    TOTPDevice.objects.create(user=member, name="phone")
    Subscription.objects.create(email="somsri@example.com", filters={"stage": "pilot"})
    return page_kinds_registry


def admin_pages(model_admin, request) -> list[str]:
    """The changelist, the add form and a record's change form and history."""
    info = model_admin.opts.app_label, model_admin.opts.model_name
    pages = [
        reverse("admin:{}_{}_changelist".format(*info)),
        reverse("admin:{}_{}_add".format(*info)),
    ]
    record = model_admin.get_queryset(request).first()
    if record is not None:
        pages.append(reverse("admin:{}_{}_change".format(*info), args=[record.pk]))
        pages.append(reverse("admin:{}_{}_history".format(*info), args=[record.pk]))
    return pages


def test_admin_pages_have_no_inline_code(admin_client, admin_user, records, rf):
    """The changelist and forms of every model in the admin use no inline code."""
    request = rf.get("/th/admin/")
    request.user = admin_user
    paths = []
    for model_admin in admin.site._registry.values():
        paths += admin_pages(model_admin, request)
    paths += [
        reverse("admin:index"),
        reverse("admin:projects_project_import"),
        reverse("admin:projects_project_export"),
        reverse("admin:password_change"),
    ]
    checked = 0
    for path in paths:
        response = admin_client.get(path)
        if response.status_code == 403:  # kinds the admin only shows, never adds
            continue
        assert_works_under_policy(response)
        checked += 1
    assert checked > 30


def test_project_change_form_scripts_are_the_sites_own(admin_client, records):
    """The tabbed project form loads jQuery and jQuery UI from our own static files."""
    project = records["project"]
    response = admin_client.get(
        reverse("admin:projects_project_change", args=[project.pk])
    )
    assert_works_under_policy(response)
    html = response.content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "tabbed_translation_fields.js" in html
    assert "//code.jquery.com" not in html and "cdn" not in html.lower()


def test_totp_device_qr_code_page_has_no_inline_code(admin_client, records):
    """The page that shows a new authenticator's QR code works under the policy."""
    device = TOTPDevice.objects.get()
    response = admin_client.get(
        reverse("admin:otp_totp_totpdevice_config", args=[device.pk])
    )
    assert_works_under_policy(response)
    qr_code = admin_client.get(
        reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk])
    )
    assert qr_code.status_code == 200
    assert qr_code["Content-Type"] == "image/svg+xml"


@pytest.mark.parametrize("two_factor", [False, True])
def test_admin_login_page_has_no_inline_code(client, settings, two_factor):
    """The admin's sign-in page, with or without the code field, has no inline code."""
    settings.OTP_REQUIRED_FOR_STAFF = two_factor
    assert_works_under_policy(client.get("/th/admin/login/"))


def test_admin_site_is_the_registry_site():
    """admin.site is the registry's site, so every model's admin is behind it."""
    from govlab.admin_site import RegistryAdminSite

    assert isinstance(admin.site, RegistryAdminSite)
