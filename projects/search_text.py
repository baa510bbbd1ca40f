"""The derived search text of a project: one folded column that a search term is
matched against with one LIKE, which one trigram index serves on PostgreSQL.

It holds the project's title, summary and description and the names and
abbreviations of its lead agency, participating agencies and issue area, in every
language, one per line (a term never holds a newline, so it cannot match across two
texts). projects/signals.py refreshes it whenever any of those change.
"""

from collections.abc import Iterable

from govlab.search import fold
from projects.models import Project

PROJECT_FIELDS = ("title", "summary", "description")
AGENCY_FIELDS = ("name", "short_name")
ISSUE_AREA_FIELDS = ("name",)
LANGUAGES = ("th", "en")
BATCH_SIZE = 500


def _texts(record, fields: tuple[str, ...]) -> list[str]:
    if record is None:
        return []
    columns = (f"{field}_{language}" for field in fields for language in LANGUAGES)
    return [getattr(record, column) or "" for column in columns]


def project_search_text(project: Project) -> str:
    """The folded text searched for the project; its related rows are read from
    the instance (select_related / prefetch_related them for many projects)."""
    texts = _texts(project, PROJECT_FIELDS)
    texts += _texts(project.lead_agency, AGENCY_FIELDS)
    for agency in project.participating_agencies.all():
        texts += _texts(agency, AGENCY_FIELDS)
    texts += _texts(project.issue_area, ISSUE_AREA_FIELDS)
    return "\n".join(fold(text) for text in texts if text)


def project_search_text_refresh(*, project_ids: Iterable[int]) -> int:
    """Recompute the search text of the projects, in a fixed number of queries per
    batch; returns how many changed. Writes with bulk_update (an UPDATE, not save()),
    so no signal fires and a refresh from post_save does not recurse."""
    ids = sorted(set(project_ids))
    changed = 0
    for start in range(0, len(ids), BATCH_SIZE):
        projects = (
            Project._base_manager.filter(pk__in=ids[start : start + BATCH_SIZE])
            .select_related("lead_agency", "issue_area")
            .prefetch_related("participating_agencies")
        )
        stale = []
        for project in projects:
            text = project_search_text(project)
            if text != project.search_text:
                project.search_text = text
                stale.append(project)
        Project._base_manager.bulk_update(stale, ["search_text"])
        changed += len(stale)
    return changed
