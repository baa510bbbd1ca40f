"""Subscriptions in the admin: counts and lists for staff, addresses for no one."""

import pytest
from django.contrib.auth.models import Permission, User

from alerts.models import Subscription
from tests.admin_pages import client_for, make_editor
from tests.alerts.conftest import ADDRESS

pytestmark = pytest.mark.django_db

CHANGELIST = "/{lang}/admin/alerts/subscription/"


@pytest.fixture
def subscription(make_subscription):
    return make_subscription(filters={"agency": "dlt", "q": "ใบขับขี่"})


@pytest.fixture
def viewer():
    """A staff member allowed to view subscriptions, as OPDC might grant."""
    user = User.objects.create_user(username="analyst", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_subscription"))
    return user


@pytest.mark.parametrize("lang", ["th", "en"])
def test_superuser_sees_masked_addresses_only(admin_client, subscription, lang):
    """The list and the record show s***@example.co.th and the filters, no more."""
    for path in (
        CHANGELIST.format(lang=lang),
        f"{CHANGELIST.format(lang=lang)}{subscription.pk}/change/",
    ):
        response = admin_client.get(path)
        html = response.content.decode()
        assert response.status_code == 200
        assert "s***@example.co.th" in html
        assert ADDRESS not in html
        assert subscription.key not in html


def test_subscriptions_cannot_be_added_changed_or_exported(admin_client, subscription):
    """Read only, with no actions: nothing to export addresses with."""
    assert admin_client.get(f"{CHANGELIST.format(lang='en')}add/").status_code == 403
    response = admin_client.post(
        f"{CHANGELIST.format(lang='en')}{subscription.pk}/change/",
        {"email": "attacker@example.com"},
    )
    assert response.status_code == 403
    changelist = admin_client.get(CHANGELIST.format(lang="en"))
    assert changelist.context["action_form"] is None
    assert "export" not in changelist.content.decode().lower()
    assert Subscription.objects.get().email == ADDRESS


def test_superuser_finds_a_subscription_by_exact_address_only(
    admin_client, subscription, make_subscription
):
    """Answering a request to be forgotten: exact address, never a fragment."""
    make_subscription(email="other@example.com")
    url = CHANGELIST.format(lang="en")
    exact = admin_client.get(url, {"q": ADDRESS.upper()})
    assert list(exact.context["cl"].result_list) == [subscription]
    fragment = admin_client.get(url, {"q": "somchai"})
    assert list(fragment.context["cl"].result_list) == []


def test_superuser_may_delete_a_subscription(admin_client, subscription):
    """Deleting erases the record, at the subscriber's request."""
    path = f"{CHANGELIST.format(lang='en')}{subscription.pk}/delete/"
    response = admin_client.post(path, {"post": "yes"})
    assert response.status_code == 302
    assert not Subscription.objects.exists()


def test_staff_with_view_permission_see_counts_but_cannot_search(
    client, viewer, subscription
):
    """A non-superuser sees the masked list and cannot test an address."""
    staff = client_for(viewer)
    response = staff.get(CHANGELIST.format(lang="en"), {"q": ADDRESS})
    html = response.content.decode()
    assert response.status_code == 200
    assert "s***@example.co.th" in html
    assert ADDRESS not in html
    assert 'id="searchbar"' not in html
    delete = f"{CHANGELIST.format(lang='en')}{subscription.pk}/delete/"
    assert staff.post(delete, {"post": "yes"}).status_code == 403


def test_opdc_editors_do_not_see_subscriptions(subscription):
    """The editors' group has no permission on subscribers' records."""
    editor = client_for(make_editor("editor"))
    assert editor.get(CHANGELIST.format(lang="th")).status_code == 403
