"""Translated text as plain strings, for output that is not an HTML page.

Feeds, calendar files and meta tags need the text itself: the active language's
column, or the Thai one where that is empty (Thai is the one required language).
"""

from django.conf import settings
from django.utils.translation import get_language


def active_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE)[:2]


def localized(obj, field: str) -> str:
    """The field in the active language, else in Thai; "" when both are empty."""
    own = getattr(obj, f"{field}_{active_language()}", None)
    return own or getattr(obj, f"{field}_th", None) or ""
