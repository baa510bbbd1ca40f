"""Drop the project summary and description trigram indexes that nothing reads.

Since 0006 the project search reads one column, search_text, with its own index.
The title indexes stay: the admin's project search looks in the titles. The
summary and description ones only cost every write, and about half the time of a
large load (load_synthetic_data). Agencies and events keep theirs: their search
still reads the columns. On SQLite there is nothing to drop.
"""

from django.db import migrations

UNREAD = [
    ("projects_project_summary_th_trgm", "summary_th"),
    ("projects_project_summary_en_trgm", "summary_en"),
    ("projects_project_description_th_trgm", "description_th"),
    ("projects_project_description_en_trgm", "description_en"),
]


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in UNREAD:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in UNREAD:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "projects_project" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_list_indexes")]

    operations = [migrations.RunPython(drop_indexes, create_indexes)]
