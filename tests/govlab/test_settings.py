import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_django_setup(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "govlab.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_not_debugging():
    """Without DEBUG and without SECRET_KEY the app stops with a clear message."""
    result = run_django_setup()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_starts_without_secret_key_in_debug():
    """DEBUG=1 is enough to run the portal locally."""
    assert run_django_setup(DEBUG="1").returncode == 0


def test_starts_with_secret_key_in_production():
    """A production start with a SECRET_KEY succeeds."""
    assert run_django_setup(SECRET_KEY="x" * 50).returncode == 0


def test_manage_py_names_the_missing_secret_key():
    """A management command without SECRET_KEY stops with the clear message."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "Models aren't loaded yet" not in result.stderr
