"""Trigram indexes for the text search, on PostgreSQL only (a no-op on SQLite).

The search filters with icontains, which Django writes on PostgreSQL as
UPPER("column"::text) LIKE UPPER('%word%'). A GIN index with gin_trgm_ops on that
same expression lets PostgreSQL narrow the rows by trigrams before the LIKE
rechecks each one, so results are the same with or without the index.
pg_trgm only extracts Thai trigrams in a database whose LC_CTYPE is a UTF-8 one
(see docs/deploy.md, "Database for Thai search").
"""

from django.db import migrations

SEARCHED_COLUMNS = {
    "projects_project": ("title", "summary", "description"),
    "agencies_agency": ("name", "short_name", "description"),
    "events_event": ("title", "summary", "description"),
}
LANGUAGES = ("th", "en")


def _indexes():
    for table, fields in SEARCHED_COLUMNS.items():
        for field in fields:
            for language in LANGUAGES:
                column = f"{field}_{language}"
                yield f"{table}_{column}_trgm", table, column


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, column in _indexes():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in _indexes():
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
    # The extension stays: other database objects may use it by then.


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0003_stagechange_update_and_more"),
        ("agencies", "0001_initial"),
        ("events", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
