"""The site-wide search: published projects and events, and agencies, best first.

Each section costs two queries (its count and its first rows) and the events one
more for their dates, whatever the number of matches. Projects are found as on the
project list: at most SEARCH_CANDIDATES matching ids first, the best of those then
ranked; past that many the section says "more than" instead of a count.
"""

from dataclasses import dataclass, field

from django.db.models import F, QuerySet

from agencies.models import Agency
from agencies.selectors import translated_order
from events.models import Event
from events.selectors import event_cards
from govlab.search import SearchQuery, in_every_language, search_match, search_rank
from projects.filters import project_by_relevance
from projects.selectors import project_published, project_text_candidates

SECTION_SIZE = 10

AGENCY_SEARCH_FIELDS = in_every_language("name", "short_name", "description")
AGENCY_SEARCH_WEIGHTS = (
    (in_every_language("name", "short_name"), 4),
    (in_every_language("description"), 1),
)
EVENT_SEARCH_FIELDS = in_every_language(
    "title", "summary", "description", "venue", "city"
)
EVENT_SEARCH_WEIGHTS = (
    (in_every_language("title"), 4),
    (in_every_language("summary"), 2),
    (in_every_language("description"), 1),
)


@dataclass(frozen=True)
class Section:
    """How many records of one kind match, and the best of them."""

    count: int = 0
    best: list = field(default_factory=list)
    more_than: int | None = None


@dataclass(frozen=True)
class SiteSearchResults:
    projects: Section = Section()
    agencies: Section = Section()
    events: Section = Section()

    @property
    def count(self) -> int:
        return self.projects.count + self.agencies.count + self.events.count


def site_search(*, query: SearchQuery, limit: int = SECTION_SIZE) -> SiteSearchResults:
    """Matches of each kind, best first; nothing at all for an empty query."""
    if not query:
        return SiteSearchResults()
    return SiteSearchResults(
        projects=_project_section(query, limit),
        agencies=_section(agency_search_results(query=query), limit),
        events=_section(event_search_results(query=query), limit),
    )


def _project_section(query: SearchQuery, limit: int) -> Section:
    """Published projects matching the query, as the project list's search finds,
    bounds and orders them."""
    ids, more_than = project_text_candidates(query)
    ranked = project_by_relevance(project_published().filter(pk__in=ids), query)
    return Section(count=len(ids), best=list(ranked[:limit]), more_than=more_than)


def agency_search_results(*, query: SearchQuery) -> QuerySet[Agency]:
    """Agencies (all public records) by name, abbreviation or description."""
    return (
        Agency.objects.filter(search_match(query, AGENCY_SEARCH_FIELDS))
        .annotate(search_rank=search_rank(query, AGENCY_SEARCH_WEIGHTS))
        .order_by("-search_rank", translated_order("name"), "slug")
    )


def event_search_results(*, query: SearchQuery) -> QuerySet[Event]:
    """Published events matching the query, best first, then the latest."""
    return (
        event_cards()
        .filter(search_match(query, EVENT_SEARCH_FIELDS))
        .annotate(search_rank=search_rank(query, EVENT_SEARCH_WEIGHTS))
        .order_by("-search_rank", F("first_day").desc(nulls_last=True), "slug")
    )


def _section(queryset: QuerySet, limit: int) -> Section:
    return Section(count=queryset.count(), best=list(queryset[:limit]))
