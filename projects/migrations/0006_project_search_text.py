"""Project.search_text: one folded column holding everything a project search
matches, so that each term is one LIKE on one column, served by one trigram index.

The backfill duplicates projects.search_text on the historical models, as Django
recommends (the app's code may change after this migration). On PostgreSQL a GIN
trigram index on the bare column serves Django's ``contains`` (``LIKE``): the text is
already lower-cased, so no UPPER() is needed. The per-column indexes of 0004 stay:
agencies and events are still searched column by column, and the project ones serve
the relevance ranking's and other column lookups.
"""

import unicodedata

from django.db import migrations, models
from pythainlp.util import reorder_vowels

LANGUAGES = ("th", "en")
INDEX = "projects_project_search_text_trgm_idx"


def _fold(text):
    return reorder_vowels(unicodedata.normalize("NFC", text)).lower()


def _texts(record, fields):
    if record is None:
        return []
    return [
        getattr(record, f"{field}_{language}") or ""
        for field in fields
        for language in LANGUAGES
    ]


def backfill(apps, schema_editor):
    Project = apps.get_model("projects", "Project")
    projects = Project.objects.select_related("lead_agency", "issue_area")
    projects = projects.prefetch_related("participating_agencies").order_by("pk")
    batch = []
    for project in projects.iterator(chunk_size=500):
        texts = _texts(project, ("title", "summary", "description"))
        texts += _texts(project.lead_agency, ("name", "short_name"))
        for agency in project.participating_agencies.all():
            texts += _texts(agency, ("name", "short_name"))
        texts += _texts(project.issue_area, ("name",))
        project.search_text = "\n".join(_fold(text) for text in texts if text)
        batch.append(project)
        if len(batch) == 500:
            Project.objects.bulk_update(batch, ["search_text"])
            batch = []
    Project.objects.bulk_update(batch, ["search_text"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # Not CONCURRENTLY: that cannot run inside the migration's transaction.
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS "{INDEX}" ON "projects_project" '
        'USING gin ("search_text" gin_trgm_ops)'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f'DROP INDEX IF EXISTS "{INDEX}"')


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_keep_history_of_deleted_projects"),
        ("agencies", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="project",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
