"""Accounts of each kind, and a way to sign in through the real login form."""

import pytest
from django.contrib.auth.models import Group

from accounts.models import Membership, Role
from tests.accounts.helpers import PASSWORD


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Sign-in tests hash many passwords; a fast hasher keeps them quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def dlt(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
    )


@pytest.fixture
def reporter(django_user_model, dlt):
    """An agency account of the Department of Land Transport with a password set."""
    user = django_user_model.objects.create_user(
        username="somsri",
        email="somsri@dlt.go.th",
        password=PASSWORD,
        first_name="สมศรี",
        last_name="ใจดี",
    )
    Membership.objects.create(user=user, agency=dlt, role=Role.REPORTER)
    return user


@pytest.fixture
def editor(django_user_model):
    """An OPDC staff member: staff, in "OPDC editors", not a superuser."""
    user = django_user_model.objects.create_user(
        username="somchai",
        email="somchai@opdc.go.th",
        password=PASSWORD,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="OPDC editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def sign_in(client):
    """POST the login form, as a browser at `address` would."""

    def post(username, password, *, lang="th", address="127.0.0.1", path=None):
        return client.post(
            path or f"/{lang}/accounts/login/",
            {"username": username, "password": password},
            REMOTE_ADDR=address,
        )

    return post
