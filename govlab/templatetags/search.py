"""Search results in templates: the words a visitor searched for, marked.

`{% load search %}` gives the `highlight` filter, and the `highlighted` and
`search_snippet` tags. The tags take the query from the context's `search_query`
(a govlab.search.SearchQuery) or else from the request's `q` parameter, and mark
nothing when there is none. Text is always escaped before <mark> is added.
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from govlab import search

register = template.Library()


def _active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def _query(value) -> search.SearchQuery:
    if isinstance(value, search.SearchQuery):
        return value
    return search.parse_query(str(value or ""))


def _context_query(context) -> search.SearchQuery:
    query = context.get("search_query")
    if query is None and context.get("request") is not None:
        query = context["request"].GET.get("q")
    return _query(query)


@register.filter
def highlight(text, query) -> SafeString:
    """{{ text|highlight:search_query }}: the text escaped, each match in <mark>."""
    return search.highlight(str(text or ""), _query(query))


@register.simple_tag(takes_context=True)
def highlighted(context, obj, field_name: str) -> SafeString:
    """{% translated %} with the search query marked: the active language's text,
    or the Thai text marked Thai-only."""
    language = _active_language()
    own = getattr(obj, f"{field_name}_{language}", None) or ""
    text = own or getattr(obj, f"{field_name}_th", None) or ""
    marked = search.highlight(text, _context_query(context))
    if own or not text:
        return marked
    return format_html(
        '<span lang="th">{}</span> <span class="thai-only">({})</span>',
        marked,
        _("Thai only"),
    )


@register.simple_tag(takes_context=True)
def search_snippet(context, obj, *field_names: str) -> SafeString:
    """A short extract around the first match in the fields, in the active
    language if it matches there, else in another with its lang; "" if none."""
    query = _context_query(context)
    language = _active_language()
    others = [code for code in settings.MODELTRANSLATION_LANGUAGES if code != language]
    for code in [language, *others]:
        for name in field_names:
            extract = search.snippet(getattr(obj, f"{name}_{code}", None), query)
            if extract is None:
                continue
            if code == language:
                return extract
            return format_html('<span lang="{}">{}</span>', code, extract)
    return SafeString("")
