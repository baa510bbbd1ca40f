"""Whole-page cache for anonymous visitors, emptied the moment public data changes.

A GET from a visitor who is not signed in (no session cookie) is answered from the
cache when the same address was rendered before. Each stored page carries the
generation number it was rendered in, and any change to a record the public site
shows bumps that number once the change is committed: a project published in the
admin or an approved update is then on every page at once, because a page of an
older generation is never served (it is rendered again and overwritten). The day is
part of the key too, so "upcoming" lists and freshness marks move on at midnight.

The generation lives in the same cache as the pages: with Redis (CACHE_URL) every
app server sees a bump at once. The local-memory default is only right for a single
process, which is what ``bin/serve`` runs.
"""

import hashlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import cc_delim_re

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
# Apps whose records appear on public pages; any change in them empties the cache.
PUBLIC_APPS = ("agencies", "projects", "events", "updates")
# A cookie that changes what the page shows for this visitor: never serve them a
# shared page, and never store the page they were shown.
_PERSONAL_COOKIES = ("messages",)
_PRIVATE_CACHE_CONTROL = {"private", "no-cache", "no-store"}
# Vary headers a shared page may carry. Cookie: only visitors without a session share
# pages. Accept-Language: the language is part of the key. Accept: the API (DRF adds
# it) renders JSON whatever the client asks for.
_SHAREABLE_VARY = {"cookie", "accept-language", "accept"}


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation() -> int:
    cache = page_cache()
    current = cache.get(GENERATION_KEY)
    if current is None:
        # add() so two servers starting together agree on the first number.
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        current = cache.get(GENERATION_KEY)
    return current


def invalidate() -> None:
    """Retire every stored page, e.g. after a change the signals do not see."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        # No number stored (first start, or Redis evicted it): a new one is needed.
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        cache.incr(GENERATION_KEY)


def _fresh_generation() -> int:
    # From the clock, not 1: if the number was evicted while pages of an old
    # generation were not, a restart at 1 could serve those old pages again.
    return time.time_ns() // 1000


def invalidate_on_commit(using=None, **kwargs) -> None:
    # After the commit, so no other request can store a page of the old data under
    # the new generation; outside a transaction this runs at once.
    connection = transaction.get_connection(using)
    pending = connection.run_on_commit
    # One bump per transaction is enough: a bulk delete of 100,000 rows would
    # otherwise queue 100,000. If the last hook queued is already ours, it runs
    # at the commit unless its savepoint is rolled back, which undoes this
    # change too (it came later, at the same or a deeper level).
    if pending and pending[-1][1] is _invalidate_logging_failure:
        return
    transaction.on_commit(_invalidate_logging_failure, using=using)


def _invalidate_logging_failure() -> None:
    # The change is committed: an unreachable cache must not turn it into an error
    # page. Pages stored before it expire after PAGE_CACHE_SECONDS at the latest.
    try:
        invalidate()
    except Exception:
        logger.exception("Could not empty the page cache after a change")


def connect_invalidation() -> None:
    """Bump the generation on every write to a model of a public app."""
    for label in PUBLIC_APPS:
        for model in apps.get_app_config(label).get_models():
            uid = f"page-cache:{model._meta.label}"
            post_save.connect(invalidate_on_commit, sender=model, dispatch_uid=uid)
            post_delete.connect(invalidate_on_commit, sender=model, dispatch_uid=uid)
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    invalidate_on_commit,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}.{field.name}",
                )


class PageCacheMiddleware:
    """Serve and store anonymous GET pages; see the module docstring.

    Sits after CORS (whose headers depend on the caller, so they are added to hits
    as well) and before sessions and locale, which a cached page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _shareable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = _page_key(request)
        try:
            # One round trip to Redis for both: the current generation and the page.
            found = cache.get_many([GENERATION_KEY, key])
            number = found.get(GENERATION_KEY)
            if number is None:
                number = generation()
        except Exception:
            # An unreachable cache makes the site slower, not broken.
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored[0] == number:
            return _rebuild(stored)
        response = self.get_response(request)
        if _shareable_response(request, response):
            try:
                # A page of an older generation is overwritten, not left behind.
                cache.set(key, _freeze(number, response), seconds)
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
            else:
                response["X-Page-Cache"] = "miss"
        return response


def _shareable_request(request) -> bool:
    if request.method != "GET":
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and not any(
        name in cookies for name in _PERSONAL_COOKIES
    )


def _shareable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    cache_control = {
        part.split("=")[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if cache_control & _PRIVATE_CACHE_CONTROL:
        return False
    vary = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    return vary <= _SHAREABLE_VARY


def _page_key(request) -> str:
    # The language the page is in: the address's prefix, or for an address without
    # one (the API, feeds of data) what the visitor's browser asks for.
    language = translation.get_language_from_request(request, check_path=True)
    address = request.build_absolute_uri()
    digest = hashlib.sha256(address.encode("utf-8", "surrogatepass")).hexdigest()
    day = timezone.localdate().isoformat()
    return f"page-cache:{day}:{language}:{digest}"


def _freeze(number: int, response) -> tuple:
    return (number, response.status_code, list(response.items()), response.content)


def _rebuild(stored: tuple) -> HttpResponse:
    _number, status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response
