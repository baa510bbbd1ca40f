"""The page kinds the benchmark drives, with addresses picked from the loaded data.

Each pick is deterministic for a given database, so two runs on the same data hit
the same addresses: the busiest combination of filters, a search word of typical
frequency, a project with the longest timeline, an agency and an event of median
size, and an export filtered to as close to 1,000 rows as the data allows.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Q
from pythainlp.tokenize import word_tokenize

from agencies.models import Agency
from events.models import Event
from govlab.search import THAI_LETTER
from projects.models import Project
from projects.selectors import project_list
from updates.models import ReviewStatus

CSV_ROWS = 1000
# A typical search: the title word whose matches are nearest this share of projects.
SEARCH_SHARE = 0.01
SEARCH_CANDIDATES = 12


@dataclass(frozen=True)
class PageKind:
    """One kind of page: its key, what a reader calls it, its address and a note."""

    key: str
    label: str
    url: str
    note: str = ""
    # HTML pages are what the page cache is for; the API and CSV are measured too.
    is_page: bool = True


def page_kinds(*, search: str | None = None) -> list[PageKind]:
    """The nine page kinds, in the order the report lists them."""
    published = Project.objects.filter(is_published=True)
    filters = _busiest_filters(published)
    word = search or _typical_search_word(published)
    matches = project_list(filters={"q": word}).count()
    project = _longest_timeline(published)
    agency = _median(
        Agency.objects.annotate(
            n=Count("led_projects", filter=Q(led_projects__is_published=True))
        )
    )
    event = _median(
        Event.objects.filter(is_published=True).annotate(n=Count("related_projects"))
    )
    export, rows = _export_filters(published)
    return [
        PageKind("home", "Home", "/th/"),
        PageKind("list", "Project list", "/th/projects/"),
        PageKind(
            "list_filtered",
            "List, 3 filters + facets",
            f"/th/projects/?{urlencode(filters)}",
            f"{project_list(filters=filters).count():,} matches",
        ),
        PageKind(
            "list_search",
            "List, Thai search",
            f"/th/projects/?{urlencode({'q': word})}",
            f"{matches:,} matches",
        ),
        PageKind(
            "detail",
            "Project detail",
            project.get_absolute_url(),
            f"{project.n} approved updates",
        ),
        PageKind(
            "agency", "Agency", agency.get_absolute_url(), f"leads {agency.n} projects"
        ),
        PageKind(
            "event", "Event", event.get_absolute_url(), f"{event.n} related projects"
        ),
        PageKind("api", "API project list", "/api/v1/projects/", is_page=False),
        PageKind(
            "csv",
            f"CSV export ({rows:,} rows)",
            f"/th/projects/export.csv?{urlencode(export)}",
            f"{rows:,} rows",
            is_page=False,
        ),
    ]


def _busiest_filters(published) -> dict[str, str]:
    """Issue area, fiscal year and stage: the most common values, in that order."""
    issue = _most_common(published.exclude(issue_area=None), "issue_area__slug")
    published = published.filter(issue_area__slug=issue)
    year = _most_common(published, "fiscal_year")
    stage = _most_common(published.filter(fiscal_year=year), "stage")
    return {"issue": issue, "fiscal_year": str(year), "stage": stage}


def _most_common(queryset, field: str):
    row = (
        queryset.values(field)
        .annotate(n=Count("pk"))
        .order_by("-n", field)
        .values_list(field, flat=True)
        .first()
    )
    if row is None:
        raise LookupError(f"No published project has a {field}: load data first.")
    return row


def _typical_search_word(published) -> str:
    """A Thai word from project titles matching about SEARCH_SHARE of projects."""
    words: list[str] = []
    for title in published.order_by("pk").values_list("title_th", flat=True)[:40]:
        for word in word_tokenize(title, engine="newmm", keep_whitespace=False):
            if len(word) >= 3 and all(THAI_LETTER.match(c) for c in word):
                if word not in words:
                    words.append(word)
    if not words:
        raise LookupError("No Thai word in the project titles to search for.")
    wanted = max(1, published.count() * SEARCH_SHARE)
    counted = [
        (abs(project_list(filters={"q": w}).count() - wanted), w)
        for w in words[:SEARCH_CANDIDATES]
    ]
    return min(counted)[1]


def _longest_timeline(published) -> Project:
    approved = Q(updates__status=ReviewStatus.APPROVED)
    return (
        published.annotate(n=Count("updates", filter=approved))
        .order_by("-n", "pk")
        .first()
    )


def _median(queryset):
    """The record in the middle when ordered by the annotated size ``n``."""
    count = queryset.count()
    if not count:
        raise LookupError(f"No {queryset.model._meta.verbose_name} to benchmark.")
    return queryset.order_by("n", "pk")[count // 2]


def _export_filters(published) -> tuple[dict[str, str], int]:
    """Filters whose export has the row count nearest CSV_ROWS, and that count."""
    candidates = []
    for fields in (("fiscal_year",), ("fiscal_year", "stage"), ("issue_area__slug",)):
        # order_by() first: the default ordering would split the groups.
        for row in published.order_by().values(*fields).annotate(n=Count("pk")):
            candidates.append((abs(row.pop("n") - CSV_ROWS), sorted(row.items())))
    if not candidates:
        raise LookupError("No published project to export.")
    _, best = min(candidates)
    names = {"issue_area__slug": "issue"}
    filters = {names.get(k, k): str(v) for k, v in best if v is not None}
    rows = project_list(filters=filters).count()
    return filters, rows
