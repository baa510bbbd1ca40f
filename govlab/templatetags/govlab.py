"""Template helpers shared by every page: dates, fiscal years, translated text."""

import datetime

from django import template
from django.conf import settings
from django.template.defaultfilters import linebreaks_filter
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from govlab import dates

register = template.Library()


@register.filter
def local_date(value):
    """A date in the active language's calendar: Buddhist Era on Thai pages."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        # A stored moment is shown as the day it was in Bangkok, not in UTC.
        value = (
            timezone.localtime(value).date()
            if timezone.is_aware(value)
            else value.date()
        )
    return dates.format_date(value)


@register.simple_tag
def date_span(start, end=None):
    """A run of days such as 23–25 สิงหาคม 2562."""
    if not isinstance(start, datetime.date):
        return ""
    return dates.format_date_span(start, end)


@register.filter
def fiscal_year(value):
    """ปีงบประมาณ 2563 / FY2020 (B.E. 2563)."""
    if value in (None, ""):
        return ""
    return dates.format_fiscal_year(int(value))


@register.filter
def local_year(ce_year):
    """A CE year as the active language counts it."""
    if ce_year in (None, ""):
        return ""
    return dates.display_year(int(ce_year))


@register.simple_tag
def translated(obj, field_name, paragraphs=False):
    """A translated field in the active language, or the Thai text marked as Thai-only.

    modeltranslation already falls back to Thai; this marks the fallback so a reader
    of an English page knows the text has not been translated yet.
    """
    language = get_language() or settings.LANGUAGE_CODE
    own = getattr(obj, f"{field_name}_{language[:2]}", None) or ""
    text = own or getattr(obj, f"{field_name}_th", None) or ""
    rendered = linebreaks_filter(text, autoescape=True) if paragraphs else text
    if own or not text:
        return format_html("{}", rendered)
    tag = "div" if paragraphs else "span"
    return format_html(
        '<{tag} lang="th">{text}</{tag}> <span class="thai-only">({note})</span>',
        tag=tag,
        text=rendered,
        note=_("Thai only"),
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page, query string kept, in each of the site's languages."""
    request = context.get("request")
    path = request.path if request else "/"
    # Re-encoded from the parsed parameters: the raw QUERY_STRING may hold unencoded
    # UTF-8 (Thai typed into the address bar) that would come out garbled.
    query = request.GET.urlencode() if request else ""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    codes = [code for code, _name in settings.LANGUAGES]
    parts = path.split("/", 2)
    rest = parts[2] if len(parts) > 2 and parts[1] in codes else path.lstrip("/")
    links = []
    for code, _name in settings.LANGUAGES:
        url = f"/{code}/{rest}" + (f"?{query}" if query else "")
        links.append({"code": code, "url": url, "is_current": code == current})
    return links
