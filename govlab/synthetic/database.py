"""Writing many rows fast: COPY on PostgreSQL, executemany INSERTs elsewhere.

Rows are dicts of values by field attname, written with the primary keys the
generator gave them (the next free ones, read first), so related rows need no round
trip for their ids. They are not model instances: building 400,000 instances
(modeltranslation hooks Model.__init__) cost more than all the rest. Nothing calls
Model.save() or Field.pre_save(): no signal fires (the generator builds the derived
data instead) and auto_now fields keep the dates set on them, so a record made
"in 2563" says so.
"""

import datetime
import io
import operator
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, models
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname


def next_pk(model: type[models.Model]) -> int:
    """The first primary key after every row already there."""
    largest = model._base_manager.aggregate(largest=models.Max("pk"))["largest"]
    return (largest or 0) + 1


def insert(model: type[models.Model], rows: Sequence[dict]) -> None:
    """Write the rows. The primary key is written if the rows have one, else the
    database picks it; a field a row lacks gets its default, and a translated
    field's own column the Thai text, as Django saves it with Thai active. Keys that
    are not fields are ignored."""
    if not rows:
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key or field.attname in rows[0]
    ]
    defaults = {field.attname: field.get_default() for field in fields}
    own_columns = _translated_columns(model, fields)
    pick = operator.itemgetter(*(field.attname for field in fields))

    def values(row: dict) -> tuple:
        complete = {**defaults, **row}
        for attname, (thai, empty) in own_columns.items():
            complete[attname] = row.get(thai) or empty
        return pick(complete)

    rows_out: Iterable[Sequence] = map(values, rows)
    if connection.vendor != "postgresql":
        rows_out = (
            [
                field.get_db_prep_save(value, connection)
                for field, value in zip(fields, row, strict=True)
            ]
            for row in rows_out
        )
    insert_rows(model._meta.db_table, [f.column for f in fields], rows_out)


def _translated_columns(model, fields) -> dict[str, tuple[str, str | None]]:
    """attname of each translated field's own column -> (Thai column, empty value)."""
    try:
        translated = translator.get_options_for_model(model).fields
    except NotRegistered:
        return {}
    return {
        field.attname: (
            build_localized_fieldname(field.attname, settings.LANGUAGE_CODE),
            None if field.null else "",
        )
        for field in fields
        if field.attname in translated
    }


def insert_links(relation, pairs: Iterable[tuple[int, int]]) -> None:
    """Write the rows of a many-to-many table: relation is e.g.
    Project.participating_agencies, pairs its (from id, to id)."""
    field = relation.field
    through = field.remote_field.through
    columns = [field.m2m_column_name(), field.m2m_reverse_name()]
    insert_rows(through._meta.db_table, columns, pairs)


def insert_rows(table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", list(rows)
            )
            return
        text = "".join(["\t".join(map(_copy_value, row)) + "\n" for row in rows])
        if text:
            cursor.copy_expert(
                f"COPY {quote(table)} ({names}) FROM STDIN", io.StringIO(text)
            )


def _copy_value(value) -> str:
    """One value in COPY's text format."""
    if isinstance(value, str):
        # Four str.replace calls beat str.translate or the csv module here.
        return (
            value.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


@contextmanager
def trigram_indexes_deferred(model: type[models.Model], *, rows: int) -> Iterator:
    """On PostgreSQL, when rows at least doubles the table, drop its GIN (trigram)
    indexes for the block and build them again after it: one build from all rows is
    about twice as fast as adding each row to seven trigram indexes. Must run in
    the caller's transaction, so a failure restores the indexes too; meanwhile the
    table is locked against reads."""
    table = model._meta.db_table
    if connection.vendor != "postgresql" or rows < model._base_manager.count():
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = %s "
            "AND indexdef LIKE %s ORDER BY indexname",
            [table, "% USING gin %"],
        )
        indexes = cursor.fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    yield
    with connection.cursor() as cursor:
        # Django's foreign keys are checked at commit; an index cannot be built on
        # a table with checks pending, so run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def sequences_reset(models_written: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids written (loaddata does the same)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models_written)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def statistics_refresh(models_written: Sequence[type[models.Model]]) -> None:
    """ANALYZE the tables on PostgreSQL, so queries right after the load (a
    benchmark) are planned for the rows now there, not for the empty tables."""
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    tables = {model._meta.db_table for model in models_written}
    tables |= {
        field.remote_field.through._meta.db_table
        for model in models_written
        for field in model._meta.local_many_to_many
    }
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(quote(table) for table in sorted(tables))}")


def delete_where(queryset: models.QuerySet) -> int:
    """Delete the rows of the queryset in one statement, with no signal and no
    cascade: the caller deletes what points at them first. Django's delete() would
    load every row to send post_delete, minutes for a national-scale load."""
    model = queryset.model
    query, params = queryset.order_by().values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {quote(model._meta.db_table)} "
            f"WHERE {quote(model._meta.pk.column)} IN ({query})",
            params,
        )
        return cursor.rowcount
