import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "th" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


def test_every_thai_entry_is_translated():
    """No interface string reaches a Thai reader untranslated or as a fuzzy guess."""
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_matches_the_source():
    """The committed django.mo says exactly what django.po says."""
    source = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(CATALOGUE)).translated_entries()
    }
    compiled = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(COMPILED))
        if entry.msgid
    }
    assert compiled == source


def test_catalogue_has_every_string_in_the_code(tmp_path):
    """Every string marked for translation in code and templates is in django.po."""
    if shutil.which("xgettext") is None:
        pytest.fail("GNU gettext is needed: bin/test installs it (apt-get gettext)")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "node_modules", "*.sqlite3"),
    )
    environment = {**os.environ, "DEBUG": "1", "DATABASE_URL": "sqlite://:memory:"}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "th", "--no-obsolete"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )
    wanted = {e.msgid for e in polib.pofile(str(copy / CATALOGUE.relative_to(ROOT)))}
    present = {e.msgid for e in polib.pofile(str(CATALOGUE))}
    assert sorted(wanted - present) == []
