"""Registry records as feed entries, in the active language with Thai fallback.

- The id is a tag: URI naming the site (SITE_URL's host), the day the record was
  created, the language and the record's primary key, so it survives a slug change
  or the site being reached under another host name.
- The author is an agency or OPDC, never a person.
- The summary is HTML built from escaped text.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from agencies.models import Agency
from events.models import Event
from govlab import dates
from govlab.localized import active_language, localized
from projects.models import Project
from updates.models import ProjectUpdate


@dataclass(frozen=True)
class Entry:
    title: str
    link: str
    summary: SafeString
    guid: str
    published: datetime.datetime
    updated: datetime.datetime
    author: str
    categories: tuple[str, ...] = ()


def opdc_name() -> str:
    return _("Office of the Public Sector Development Commission (OPDC)")


def agency_name(agency: Agency | None) -> str:
    """An entry's author: the agency responsible, or OPDC, which runs Gov Lab."""
    return localized(agency, "name") if agency is not None else opdc_name()


def tag_uri(kind: str, pk: int, created: datetime.datetime) -> str:
    authority = urlsplit(settings.SITE_URL).hostname or "localhost"
    day = timezone.localdate(created).isoformat()
    return f"tag:{authority},{day}:{active_language()}/{kind}/{pk}"


def paragraphs(text: str) -> SafeString:
    return linebreaks_filter(text, autoescape=True) if text else SafeString("")


def project_entry(project: Project) -> Entry:
    facts = [
        str(project.get_stage_display()),
        dates.format_fiscal_year(project.fiscal_year),
    ]
    return Entry(
        title=localized(project, "title"),
        link=project.get_absolute_url(),
        summary=paragraphs(localized(project, "summary"))
        + format_html("<p>{}</p>", " · ".join(facts)),
        guid=tag_uri("project", project.pk, project.created_at),
        published=project.created_at,
        updated=project.updated_at,
        author=agency_name(project.lead_agency),
        categories=(str(project.get_track_display()), str(project.get_stage_display())),
    )


def update_entry(update: ProjectUpdate) -> Entry:
    project = update.project
    reported = _("Reported on %(date)s") % {
        "date": dates.format_date(update.reported_on)
    }
    return Entry(
        title=f"{localized(project, 'title')}: {localized(update, 'title')}",
        link=project.get_absolute_url(),
        summary=format_html("<p>{}</p>", reported)
        + paragraphs(localized(update, "body")),
        guid=tag_uri("update", update.pk, update.created_at),
        published=update.reviewed_at or update.updated_at,
        updated=update.updated_at,
        author=agency_name(update.agency),
        categories=(localized(project, "title"),),
    )


def event_dates(event: Event) -> str:
    spans = [dates.format_date_span(s.start, s.end) for s in event.date_spans.all()]
    if not spans:
        return _("Dates to be announced")
    if len(spans) == 1:
        return spans[0]
    joiner = pgettext("between the last two of several date spans", "and")
    return f"{', '.join(spans[:-1])} {joiner} {spans[-1]}"


def event_place(event: Event) -> str:
    parts = [localized(event, name) for name in ("venue", "city", "country")]
    if event.is_online:
        parts.append(_("Online"))
    return ", ".join(part for part in parts if part)


def event_entry(event: Event) -> Entry:
    organisers = event.organisers.all()  # prefetched, ordered by name
    facts = [event_dates(event), event_place(event)]
    return Entry(
        title=localized(event, "title"),
        link=event.get_absolute_url(),
        summary=format_html("<p>{}</p>", " · ".join(fact for fact in facts if fact))
        + paragraphs(localized(event, "summary")),
        guid=tag_uri("event", event.pk, event.created_at),
        published=event.created_at,
        updated=event.updated_at,
        author=agency_name(organisers[0] if organisers else None),
        categories=(str(event.get_kind_display()),),
    )
