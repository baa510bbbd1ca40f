"""The <head> links and meta tags that make a page findable and shareable.

`{% page_meta %}` writes the canonical address, its Thai, English and x-default
alternates, the Atom feed of new projects, and Open Graph and Twitter card tags.

The canonical address is the page's own, made absolute from the request, with a
query string cleaned so that one view of the content has one address: tracking
parameters (utm_*, fbclid, gclid, ...) and empty values are dropped, ``page=1`` is
dropped (it is the page without ``page``), and the rest is sorted. Filters and later
page numbers are kept: a filtered list or its second page is a page of its own.
Detail pages pass ``keep_query=False``: nothing in a query changes what they show.
"""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from govlab.localized import active_language

register = template.Library()

TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid"}
    | {"mc_cid", "mc_eid", "_ga", "_gl"}
)
OG_LOCALES = {"th": "th_TH", "en": "en_US"}
DESCRIPTION_LENGTH = 200


def canonical_query(params: QueryDict) -> str:
    """The query string that identifies the page's content, or ""."""
    kept = []
    for key in sorted(params):
        if key.startswith(TRACKING_PREFIXES) or key in TRACKING_NAMES:
            continue
        values = sorted(value for value in params.getlist(key) if value.strip())
        if key == "page" and values == ["1"]:
            continue
        kept.extend((key, value) for value in values)
    return f"?{urlencode(kept)}" if kept else ""


def alternate_links(request, query: str) -> list[dict[str, str]]:
    """The page in each language, then x-default: its address without a prefix."""
    paths = {code: translate_url(request.path, code) for code, _ in settings.LANGUAGES}
    default = settings.LANGUAGE_CODE
    # Without a language prefix, the address redirects by the reader's language.
    paths["x-default"] = paths[default].replace(f"/{default}/", "/", 1)
    return [
        {"code": code, "url": request.build_absolute_uri(path) + query}
        for code, path in paths.items()
    ]


def one_line(text, length: int) -> str:
    return Truncator(" ".join(str(text or "").split())).chars(length)


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context, title="", description="", kind="website", keep_query=True):
    """Canonical and alternate links, the feed link, Open Graph and Twitter tags."""
    request = context.get("request")
    language = active_language()
    tags = {
        "site_name": _("Gov Lab Registry"),
        "title": one_line(title, 200) or _("Gov Lab Registry"),
        "description": one_line(description, DESCRIPTION_LENGTH)
        or _(
            "Prototype projects, agencies and events of Thailand's Government "
            "Innovation Lab (Gov Lab), run by the Office of the Public Sector "
            "Development Commission."
        ),
        "kind": kind,
        "locale": OG_LOCALES.get(language, language),
        "locale_alternates": [
            locale for code, locale in OG_LOCALES.items() if code != language
        ],
        "feed_url": reverse("feed-projects"),
    }
    if request is None or not _resolves(request.path_info):
        return tags
    query = canonical_query(request.GET) if keep_query else ""
    tags["canonical"] = request.build_absolute_uri(request.path) + query
    tags["alternates"] = alternate_links(request, query)
    return tags


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True
