"""The public project list as CSV, JSON and Atom: one filtered list, several formats.

A row has the columns of the admin's import/export (``PROJECT_COLUMNS``) but for
``is_published``, since only published projects are exported, plus the project's
stable ``id`` and the ``url`` of its public page. CSV and JSON stream in chunks with
their agencies prefetched per chunk, so a long list costs a fixed number of queries
and is never held in memory whole.
"""

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import (
    CharField,
    DateTimeField,
    Prefetch,
    QuerySet,
    TextField,
)
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import feedgenerator, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from govlab.feeds import tag_uri
from govlab.resources import ISODateTimeWidget
from projects.filters import ProjectFilter
from projects.models import Project
from projects.resources import PROJECT_COLUMNS
from projects.selectors import project_published

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

# Time stamps as the admin's export writes them: local time with its offset.
_TIME_STAMP = ISODateTimeWidget()

# A 1,000-row export is one chunk: one query for the rows, one per relation.
CHUNK_SIZE = 1000
FEED_ENTRIES = 50
CSV_FILENAME = "govlab-projects.csv"


class InvalidFilters(Exception):
    """Query parameters the project list's filters refuse, with their messages."""

    def __init__(self, errors: ErrorDict):
        super().__init__(errors)
        self.errors = errors


def project_export_list(*, filters: Mapping[str, Any]) -> QuerySet[Project]:
    """Published projects as the project list filters and sorts them.

    Unlike the page, which shows the form's errors, an invalid value raises
    InvalidFilters: a download of the unfiltered list instead would mislead.
    """
    filterset = ProjectFilter(filters, queryset=project_published())
    if not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    return filterset.qs


def with_row_relations(projects: QuerySet[Project]) -> QuerySet[Project]:
    """What a row names: related records' slugs, agencies in slug order."""
    return projects.select_related(*_RELATED).prefetch_related(
        *(
            Prefetch(
                name,
                queryset=_FIELDS[name]
                .related_model._default_manager.only("pk", "slug")
                .order_by("slug"),
            )
            for name in _MANY
        )
    )


def project_row(project: Project, *, url: str) -> dict[str, Any]:
    """One project as export values: slugs for related records, ISO dates."""
    row: dict[str, Any] = {"id": project.pk}
    for column, field in _FIELDS.items():
        value = getattr(project, column)
        if field.many_to_many:
            value = [related.slug for related in value.all()]
        elif field.many_to_one:
            # An unpublished event is not public, not even its slug.
            public = value is not None and getattr(value, "is_published", True)
            value = value.slug if public else None
        elif isinstance(field, DateTimeField):
            value = _TIME_STAMP.render(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is None and isinstance(field, CharField | TextField):
            # A translation never written and one left empty mean the same.
            value = ""
        row[column] = value
    row["url"] = url
    return row


def _rows(
    projects: QuerySet[Project], request: HttpRequest, language: str
) -> Iterator[dict[str, Any]]:
    # The generator runs after the view has returned: the page language is pinned so
    # each row's address keeps the language of the export's own address.
    with translation.override(language):
        origin = request.build_absolute_uri("/").rstrip("/")
        for project in with_row_relations(projects).iterator(chunk_size=CHUNK_SIZE):
            yield project_row(project, url=origin + project.get_absolute_url())


class _Echo:
    """A file-like object that hands back what csv.writer writes, for streaming."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any) -> Any:
    # Related slugs separated as in the admin's import/export files.
    return ",".join(value) if isinstance(value, list) else value


def _csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    # The byte order mark tells Excel the file is UTF-8, or it shows Thai as noise.
    yield "\ufeff"
    yield writer.writerow(EXPORT_COLUMNS)
    for row in rows:
        yield writer.writerow([_csv_cell(row[column]) for column in EXPORT_COLUMNS])


def csv_response(
    projects: QuerySet[Project], *, request: HttpRequest
) -> StreamingHttpResponse:
    rows = _rows(projects, request, translation.get_language())
    response = StreamingHttpResponse(
        _csv_lines(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{CSV_FILENAME}"'
    return response


def _json_chunks(count: int, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield f'{{"count": {count}, "results": ['
    for i, row in enumerate(rows):
        text = json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder)
        yield text if i == 0 else f", {text}"
    yield "]}"


def json_response(
    projects: QuerySet[Project], *, request: HttpRequest
) -> StreamingHttpResponse:
    rows = _rows(projects, request, translation.get_language())
    return StreamingHttpResponse(
        _json_chunks(projects.count(), rows),
        content_type="application/json; charset=utf-8",
    )


class BilingualAtomFeed(feedgenerator.Atom1Feed):
    """Atom whose entries say their language and carry both languages' text."""

    def item_attributes(self, item: dict) -> dict:
        return {"xml:lang": item["language"]}

    def add_item_elements(self, handler, item: dict) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


def _language_section(project: Project, language: str) -> str:
    title = getattr(project, f"title_{language}")
    if not title:
        return ""
    texts = (
        getattr(project, f"{field}_{language}") or ""
        for field in ("summary", "description")
    )
    return format_html(
        '<section lang="{}"><h2>{}</h2>{}</section>',
        language,
        title,
        format_html_join(
            "", "{}", ((linebreaks_filter(text, True),) for text in texts if text)
        ),
    )


def _add_entry(feed: BilingualAtomFeed, project: Project, link: str) -> None:
    # The page language where the project has a title in it, Thai otherwise.
    language = feed.feed["language"]
    if not getattr(project, f"title_{language}"):
        language = "th"
    summary = getattr(project, f"summary_{language}")
    feed.add_item(
        title=getattr(project, f"title_{language}"),
        link=link,
        description=summary or None,
        # The id the site's other feeds give the project, so readers see one entry.
        unique_id=tag_uri("project", project.pk, project.created_at),
        updateddate=project.updated_at,
        categories=(project.track, project.stage, str(project.fiscal_year)),
        language=language,
        content=_language_section(project, "th") + _language_section(project, "en"),
    )


def atom_response(projects: QuerySet[Project], *, request: HttpRequest) -> HttpResponse:
    """The newest-updated projects of the list, whatever its sort, as Atom."""
    language = translation.get_language()
    query = request.GET.copy()
    query.pop("page", None)
    list_url = reverse("projects:project-list")
    if query:
        list_url = f"{list_url}?{query.urlencode()}"
    feed = BilingualAtomFeed(
        title=_("Gov Lab Registry: projects"),
        link=request.build_absolute_uri(list_url),
        description="",
        language=language,
        feed_url=request.build_absolute_uri(),
        feed_guid=request.build_absolute_uri(),
        author_name=_("Office of the Public Sector Development Commission (OPDC)"),
    )
    origin = request.build_absolute_uri("/").rstrip("/")
    for project in projects.order_by("-updated_at", "-pk")[:FEED_ENTRIES]:
        _add_entry(feed, project, origin + project.get_absolute_url())
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response


def invalid_filters_response(errors: ErrorDict, *, as_json: bool) -> HttpResponse:
    """A 400 naming each refused parameter, as JSON or as plain text."""
    messages = {
        name: [str(m) for m in field_errors] for name, field_errors in errors.items()
    }
    if as_json:
        body = json.dumps(
            {"detail": _("Some filters are invalid."), "errors": messages},
            ensure_ascii=False,
        )
        return HttpResponse(
            body, status=400, content_type="application/json; charset=utf-8"
        )
    lines = (
        _("Invalid filter “%(name)s”: %(message)s")
        % {"name": name, "message": " ".join(texts)}
        for name, texts in messages.items()
    )
    return HttpResponse(
        "\n".join(lines) + "\n", status=400, content_type="text/plain; charset=utf-8"
    )


EXPORTERS: dict[str, Callable[..., HttpResponse]] = {
    "csv": csv_response,
    "json": json_response,
    "atom": atom_response,
}
