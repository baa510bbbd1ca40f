"""The public project list as CSV, JSON and Atom: one filtered list, several formats.

A row has the columns of the admin's import/export (``PROJECT_COLUMNS``) but for
``is_published``, since only published projects are exported, plus the project's
stable ``id`` and the ``url`` of its public page (projects.export_rows). CSV and
JSON stream a chunk of rows at a time, so a long list costs a fixed number of queries
per chunk and is never held in memory whole.

A text query that matches more projects than the list page ranks exports, as that
page shows, only the bounded set of candidates, ranked; the response then says so in
its ``X-Results-Limit`` header (the bound), so that a download is never mistaken for
every match.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.template.defaultfilters import linebreaks_filter
from django.urls import reverse
from django.utils import feedgenerator, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from govlab.feeds import tag_uri
from projects.export_rows import EXPORT_COLUMNS, project_rows
from projects.filters import ProjectFilter
from projects.models import Project
from projects.selectors import project_published, project_text_bound

FEED_ENTRIES = 50
CSV_FILENAME = "govlab-projects.csv"
# Set, to the bound, when a text query matched more projects than were exported.
LIMIT_HEADER = "X-Results-Limit"


class InvalidFilters(Exception):
    """Query parameters the project list's filters refuse, with their messages."""

    def __init__(self, errors: ErrorDict):
        super().__init__(errors)
        self.errors = errors


@dataclass(frozen=True)
class ProjectExport:
    """The projects to export; ``limit`` is set when more match than it holds."""

    projects: QuerySet[Project]
    limit: int | None = None


def project_export_list(*, filters: Mapping[str, Any]) -> ProjectExport:
    """Published projects as the project list filters, bounds and sorts them.

    Unlike the page, which shows the form's errors, an invalid value raises
    InvalidFilters: a download of the unfiltered list instead would mislead.
    """
    filterset = ProjectFilter(filters, queryset=project_published())
    if not filterset.is_valid():
        raise InvalidFilters(filterset.errors)
    limit = project_text_bound(filterset)
    return ProjectExport(projects=filterset.qs, limit=limit)


def _rows(
    projects: QuerySet[Project], request: HttpRequest, language: str
) -> Iterator[list[dict[str, Any]]]:
    # The generator runs after the view has returned: the page language is pinned so
    # each row's address keeps the language of the export's own address.
    with translation.override(language):
        origin = request.build_absolute_uri("/").rstrip("/")
        yield from project_rows(projects, origin=origin)


def _csv_cells(row: dict[str, Any]) -> list[Any]:
    # Related slugs separated as in the admin's import/export files.
    return [",".join(v) if isinstance(v, list) else v for v in row.values()]


def _csv_chunks(chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    # Many rows to a piece: each piece is one write to the client through gunicorn.
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # The byte order mark tells Excel the file is UTF-8, or it shows Thai as noise.
    buffer.write("\ufeff")
    writer.writerow(EXPORT_COLUMNS)
    for rows in chunks:
        # A row's values come in EXPORT_COLUMNS order (projects.export_rows).
        writer.writerows(map(_csv_cells, rows))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def csv_response(
    projects: QuerySet[Project], *, request: HttpRequest
) -> StreamingHttpResponse:
    rows = _rows(projects, request, translation.get_language())
    response = StreamingHttpResponse(
        _csv_chunks(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{CSV_FILENAME}"'
    return response


def _json_chunks(count: int, chunks: Iterable[list[dict[str, Any]]]) -> Iterator[str]:
    opening = f'{{"count": {count}, "results": ['
    separator = ""
    for rows in chunks:
        texts = (
            json.dumps(row, ensure_ascii=False, cls=DjangoJSONEncoder) for row in rows
        )
        yield opening + separator + ", ".join(texts)
        opening, separator = "", ", "
    yield opening + "]}"


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
