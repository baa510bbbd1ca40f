"""Production's HTTPS, cookie and header settings, as a browser would meet them.

The suite runs with DEBUG off, so these are the production defaults; conftest turns
the https redirect off for the other tests, and these turn it back on.
"""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "ฝนตกที่กรุงเทพ-2563"


@pytest.fixture
def redirect_to_https(settings):
    settings.SECURE_SSL_REDIRECT = True


def test_plain_http_is_sent_to_https(client, redirect_to_https):
    """A page asked for over http answers with a permanent redirect to https."""
    response = client.get("/th/projects/?stage=pilot")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/th/projects/?stage=pilot"


def test_health_check_answers_over_plain_http(client, redirect_to_https):
    """A load balancer's health check over http is answered, not redirected."""
    assert client.get("/healthz").status_code == 200


def test_https_pages_carry_hsts_and_the_security_headers(client, redirect_to_https):
    """Over https a page is served with HSTS for a year and the other headers."""
    response = client.get("/th/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_proxy_header_marks_https_when_trusted(client, settings, redirect_to_https):
    """Behind a trusted TLS proxy, X-Forwarded-Proto: https is served as https."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = client.get("/th/", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response
    assert client.get("/th/", headers={"X-Forwarded-Proto": "http"}).status_code == 301


def test_session_and_csrf_cookies_are_secure_and_http_only(
    client, django_user_model, redirect_to_https
):
    """Signing in sets cookies that travel over https only and scripts cannot read."""
    django_user_model.objects.create_user(username="somsri", password=PASSWORD)
    login_page = client.get("/th/accounts/login/", secure=True)
    csrf = login_page.cookies["csrftoken"]
    assert (csrf["secure"], csrf["httponly"]) == (True, True)
    response = client.post(
        "/th/accounts/login/",
        {"username": "somsri", "password": PASSWORD},
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert (session["secure"], session["httponly"]) == (True, True)


def test_admin_login_works_with_an_http_only_csrf_cookie(admin_user):
    """The admin's login form carries its CSRF token: no script needs the cookie."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/th/admin/login/", secure=True).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(
        "/th/admin/login/",
        {"username": "admin", "password": "password", "csrfmiddlewaretoken": token},
        secure=True,
        headers={"Referer": "https://testserver/th/admin/login/"},
    )
    assert response.status_code == 302
    assert browser.get("/th/admin/", secure=True).status_code == 200


def production_environment(**env):
    """The caller's environment less its Django settings, plus a production start."""
    unset = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="registry.example.go.th",
        DJANGO_SETTINGS_MODULE="govlab.settings",
    )
    environment.update(env)
    return environment


def settings_in(**env):
    """The security settings a process started with ``env`` ends up with."""
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "CSRF_TRUSTED_ORIGINS",
        "OTP_REQUIRED_FOR_STAFF",
    ]
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_environment(**env),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_defaults_are_strict():
    """Without DEBUG: https redirect, a year's HSTS, secure cookies, no proxy trust."""
    assert settings_in() == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "CSRF_TRUSTED_ORIGINS": [],
        "OTP_REQUIRED_FOR_STAFF": False,
    }


def test_debug_keeps_plain_http_working():
    """DEBUG=1 (bin/serve, plain http): no redirect, no HSTS, no secure cookies."""
    values = settings_in(DEBUG="1")
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False


def test_environment_sets_the_proxy_and_hsts_options():
    """Each option can be set from the environment for the proxy in front."""
    values = settings_in(
        SECURE_SSL_REDIRECT="0",
        TRUST_X_FORWARDED_PROTO="1",
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_PRELOAD="1",
        CSRF_TRUSTED_ORIGINS="https://registry.example.go.th",
        OTP_REQUIRED_FOR_STAFF="1",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://registry.example.go.th"]
    assert values["OTP_REQUIRED_FOR_STAFF"] is True


def test_deploy_check_reports_nothing_in_production():
    """`manage.py check --deploy` finds no warning with a production environment."""
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout
