import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_EMAIL_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, "
    "settings.EMAIL_USE_TLS)"
)


def email_settings(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("EMAIL_") and key != "DATABASE_URL"
    }
    environment.update(env, SECRET_KEY="x" * 50)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_EMAIL_SETTINGS],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "govlab.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_email_goes_to_the_console_by_default():
    """Without EMAIL_HOST, emails are printed on the console, never sent."""
    backend = email_settings()[0]
    assert backend == "django.core.mail.backends.console.EmailBackend"


def test_email_goes_to_smtp_when_a_host_is_set():
    """EMAIL_HOST and EMAIL_PORT in the environment switch to the SMTP server."""
    backend, host, port, use_tls = email_settings(
        EMAIL_HOST="smtp.opdc.go.th", EMAIL_PORT="25", EMAIL_USE_TLS="0"
    )
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (host, port, use_tls) == ("smtp.opdc.go.th", "25", "False")
