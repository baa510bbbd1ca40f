"""sitemap.xml: every public page in Thai and English, with hreflang alternates.

/sitemap.xml is an index of one sitemap per section, so that no file passes the
protocol's 50,000 addresses however large the registry grows. Each address is
listed once per language with its alternates, and an x-default alternate without a
language prefix (it redirects by the reader's Accept-Language).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from agencies.models import Agency
from events.models import Event
from projects.models import Project

# Home and list pages, by path after the language prefix. A path is listed only
# once a page answers at it, so the statistics page joins when its app adds it;
# search results are left out on purpose.
PAGE_PATHS = ("", "projects/", "agencies/", "events/", "stats/")


def _url_name(path: str) -> str | None:
    """The URL name of a page in the default language, or None if there is none."""
    with translation.override(settings.LANGUAGE_CODE):
        try:
            return resolve(f"/{settings.LANGUAGE_CODE}/{path}").view_name
        except Resolver404:
            return None


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PageSitemap(BilingualSitemap):
    def items(self) -> list[str]:
        names = (_url_name(path) for path in PAGE_PATHS)
        return [name for name in names if name]

    def location(self, name: str) -> str:
        return reverse(name)


class RecordSitemap(BilingualSitemap):
    """Records with a page of their own, oldest first so that pages stay stable."""

    def lastmod(self, record):
        return record.updated_at


class ProjectSitemap(RecordSitemap):
    def items(self) -> QuerySet[Project]:
        return (
            Project.objects.filter(is_published=True)
            .only("slug", "updated_at")
            .order_by("pk")
        )


class AgencySitemap(RecordSitemap):
    def items(self) -> QuerySet[Agency]:
        return Agency.objects.only("slug", "updated_at").order_by("pk")


class EventSitemap(RecordSitemap):
    def items(self) -> QuerySet[Event]:
        return (
            Event.objects.filter(is_published=True)
            .only("slug", "updated_at")
            .order_by("pk")
        )


SITEMAPS = {
    "pages": PageSitemap,
    "projects": ProjectSitemap,
    "agencies": AgencySitemap,
    "events": EventSitemap,
}
