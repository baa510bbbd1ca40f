"""Atom feeds of the public registry, in the language of the URL they are read at.

New projects, published progress updates, upcoming events, and one feed per agency.
Each feed turns its records into entries (govlab.feed_entries), costs a fixed
number of queries and carries at most FEED_LENGTH entries, newest first (upcoming
events: soonest first).
"""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from agencies.models import Agency
from agencies.selectors import agency_get, translated_order
from events.models import Event
from events.selectors import event_cards, event_list_for_agency, event_list_split
from govlab.feed_entries import (
    Entry,
    event_entry,
    opdc_name,
    project_entry,
    update_entry,
)
from govlab.feed_entries import tag_uri as tag_uri  # used by projects.exports
from govlab.localized import localized
from projects.models import Project
from updates.models import ProjectUpdate, ReviewStatus

FEED_LENGTH = 50


@dataclass(frozen=True)
class FeedSource:
    """What a feed is about: its own absolute address and, for some, an agency."""

    url: str
    agency: Agency | None = None


# Queries -----------------------------------------------------------------------


def feed_projects(*, agency: Agency | None = None) -> QuerySet[Project]:
    """Published projects, newest first; with an agency, those it leads or joins."""
    projects = Project.objects.filter(is_published=True)
    if agency is not None:
        joined = Project.participating_agencies.through.objects.filter(agency=agency)
        projects = projects.filter(
            Q(lead_agency=agency) | Q(pk__in=joined.values("project_id"))
        )
    return projects.select_related("lead_agency").order_by("-created_at", "-pk")


def feed_updates(*, agency: Agency | None = None) -> QuerySet[ProjectUpdate]:
    """Approved updates of published projects, most recently published first."""
    updates = ProjectUpdate.objects.filter(
        status=ReviewStatus.APPROVED, project__is_published=True
    )
    if agency is not None:
        updates = updates.filter(project__in=feed_projects(agency=agency).values("pk"))
    return updates.select_related("project", "agency").order_by(
        F("reviewed_at").desc(nulls_last=True), "-pk"
    )


def with_organisers(events: QuerySet[Event]) -> QuerySet[Event]:
    organisers = Agency.objects.order_by(translated_order("name"), "slug")
    return events.prefetch_related(Prefetch("organisers", queryset=organisers))


def feed_events_upcoming() -> QuerySet[Event]:
    upcoming, _past = event_list_split(events=event_cards(), today=timezone.localdate())
    return with_organisers(upcoming)


# Feeds -------------------------------------------------------------------------


class EntryFeed(Feed):
    """An Atom feed whose items are Entry records; subclasses say which."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return FeedSource(url=request.build_absolute_uri(request.path))

    def feed_url(self, source: FeedSource) -> str:
        return source.url

    def feed_guid(self, source: FeedSource) -> str:
        return source.url

    def author_name(self, source: FeedSource) -> str:
        return opdc_name()

    def item_title(self, entry: Entry) -> str:
        return entry.title

    def item_link(self, entry: Entry) -> str:
        return entry.link

    def item_description(self, entry: Entry) -> str:
        return entry.summary

    def item_guid(self, entry: Entry) -> str:
        return entry.guid

    def item_pubdate(self, entry: Entry):
        return entry.published

    def item_updateddate(self, entry: Entry):
        return entry.updated

    def item_author_name(self, entry: Entry) -> str:
        return entry.author

    def item_categories(self, entry: Entry) -> tuple[str, ...]:
        return entry.categories


class NewProjectsFeed(EntryFeed):
    def title(self):
        return _("New projects · Gov Lab Registry")

    def subtitle(self):
        return _(
            "Projects newly published in Thailand's Government Innovation Lab registry."
        )

    def link(self):
        return reverse("projects:project-list")

    def items(self, source):
        return [project_entry(p) for p in feed_projects()[:FEED_LENGTH]]


class ProjectUpdatesFeed(EntryFeed):
    def title(self):
        return _("Progress updates · Gov Lab Registry")

    def subtitle(self):
        return _(
            "Progress reported by agencies on Gov Lab projects, once OPDC approves it."
        )

    def link(self):
        return reverse("projects:project-list")

    def items(self, source):
        return [update_entry(u) for u in feed_updates()[:FEED_LENGTH]]


class UpcomingEventsFeed(EntryFeed):
    def title(self):
        return _("Upcoming events · Gov Lab Registry")

    def subtitle(self):
        return _(
            "Hackathons, symposiums, workshops and meetings to come, soonest first."
        )

    def link(self):
        return reverse("events:event-list")

    def items(self, source):
        return [event_entry(e) for e in feed_events_upcoming()[:FEED_LENGTH]]


class AgencyFeed(EntryFeed):
    """An agency's projects (lead or participant), their updates, and its events."""

    def get_object(self, request, slug):
        return FeedSource(
            url=request.build_absolute_uri(request.path), agency=agency_get(slug=slug)
        )

    def title(self, source):
        name = localized(source.agency, "name")
        return _("%(agency)s · Gov Lab Registry") % {"agency": name}

    def subtitle(self, source):
        return _(
            "Projects the agency leads or takes part in, their published progress "
            "updates, and the events it organises or partners in, newest first."
        )

    def link(self, source):
        return source.agency.get_absolute_url()

    def author_name(self, source):
        return localized(source.agency, "name")

    def items(self, source):
        agency = source.agency
        events = with_organisers(event_list_for_agency(agency=agency))
        entries = [
            *(project_entry(p) for p in feed_projects(agency=agency)[:FEED_LENGTH]),
            *(update_entry(u) for u in feed_updates(agency=agency)[:FEED_LENGTH]),
            *(event_entry(e) for e in events[:FEED_LENGTH]),
        ]
        entries.sort(key=lambda entry: entry.published, reverse=True)
        return entries[:FEED_LENGTH]
