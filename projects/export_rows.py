"""Rows of the project export, read as plain values: no model instances.

Building a model instance per project (with modeltranslation's fields), prefetching
its agencies into it and reversing its address took most of a 1,000-row export's
time. A row is the same values read straight from the database: one query for a
chunk of projects with the slugs of their issue area, lead agency and origin event
joined, one per many-to-many relation for the whole chunk, and each address built
from one reversed prefix.
"""

from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any

from django.db.models import CharField, DateField, DateTimeField, QuerySet, TextField
from django.urls import reverse

from govlab.resources import ISODateTimeWidget
from projects.models import Project
from projects.resources import PROJECT_COLUMNS

EXPORT_COLUMNS = (
    "id",
    *(column for column in PROJECT_COLUMNS if column != "is_published"),
    "url",
)
_FIELDS = {
    column: Project._meta.get_field(column)
    for column in EXPORT_COLUMNS
    if column not in ("id", "url")
}
_RELATED = tuple(c for c, f in _FIELDS.items() if f.many_to_one)
_MANY = tuple(c for c, f in _FIELDS.items() if f.many_to_many)
_OWN = tuple(c for c in _FIELDS if c not in _RELATED + _MANY)
# An unpublished event is not public, not even its slug.
_PUBLISHED = tuple(
    c
    for c in _RELATED
    if any(f.name == "is_published" for f in _FIELDS[c].related_model._meta.fields)
)
_SELECTED = (
    "pk",
    "slug",
    *_OWN,
    *(f"{c}__slug" for c in _RELATED),
    *(f"{c}__is_published" for c in _PUBLISHED),
)

# Time stamps as the admin's export writes them: local time with its offset.
_TIME_STAMP = ISODateTimeWidget()

# A 1,000-row export is one chunk: one query for the rows, one per relation.
CHUNK_SIZE = 1000


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _text(value: str | None) -> str:
    # A translation never written and one left empty mean the same.
    return "" if value is None else value


def _converter(column: str) -> Callable[[Any], Any] | None:
    field = _FIELDS[column]
    if isinstance(field, DateTimeField):
        return _TIME_STAMP.render
    if isinstance(field, DateField):
        return _iso
    if isinstance(field, CharField | TextField):
        return _text
    return None


_CONVERTERS = {column: _converter(column) for column in _OWN}


def _related_slugs(name: str, project_ids: list[int]) -> dict[int, list[str]]:
    """Each project's related records' slugs, in slug order, in one query."""
    field = _FIELDS[name]
    own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
    links = (
        field.remote_field.through.objects.filter(**{f"{own}_id__in": project_ids})
        .order_by(f"{other}__slug")
        .values_list(f"{own}_id", f"{other}__slug")
    )
    slugs: dict[int, list[str]] = {}
    for project_id, slug in links:
        slugs.setdefault(project_id, []).append(slug)
    return slugs


_POSITION = {name: i for i, name in enumerate(_SELECTED)}


def _step(column: str) -> tuple[str, str, int | None, Any]:
    """How a row reads a column: its kind, its position in the values read, and the
    position of the related record's published flag or the value's converter."""
    if column in _MANY:
        return column, "many", None, None
    if column in _RELATED:
        published = _POSITION.get(f"{column}__is_published")
        return column, "related", _POSITION[f"{column}__slug"], published
    return column, "own", _POSITION[column], _CONVERTERS[column]


_STEPS = tuple(_step(column) for column in _FIELDS)


def _row(values: tuple, many: dict[str, dict], url: str) -> dict[str, Any]:
    pk = values[0]
    row: dict[str, Any] = {"id": pk}
    for column, kind, position, extra in _STEPS:
        if kind == "many":
            value = many[column].get(pk, [])
        elif kind == "related":
            public = extra is None or values[extra] is not False
            value = values[position] if public else None
        else:
            value = values[position] if extra is None else extra(values[position])
        row[column] = value
    row["url"] = url
    return row


def project_rows(projects: QuerySet[Project], *, origin: str) -> Iterator[list[dict]]:
    """The projects' export rows in the queryset's order, a chunk at a time.

    Addresses are in the active language, under ``origin`` (scheme and host).
    """
    placeholder = "slug"
    path = reverse("projects:project-detail", kwargs={"slug": placeholder})
    head, tail = path.rsplit(placeholder, 1)
    head = origin + head
    # Named columns only, read as tuples: modeltranslation has nothing to rewrite.
    values = projects.rewrite(False).values_list(*_SELECTED)
    rows = values.iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        ids = [project[0] for project in chunk]
        many = {name: _related_slugs(name, ids) for name in _MANY}
        yield [_row(project, many, head + project[1] + tail) for project in chunk]
