"""Subscribers' addresses appear on no public page, export, feed or API response."""

import json
import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from alerts.models import Subscription

pytestmark = pytest.mark.django_db

CANARY = "privacy.canary@example.org"
PRIVATE_PREFIXES = ("/th/admin/", "/en/admin/", "/static/")
MAX_RESPONSES = 600
HREF = re.compile(r"""(?:href|src|action)=["']([^"'#]+)""")


def plain_paths(patterns, prefix=""):
    """Every URL path that needs no argument, such as /th/projects/ or /api/v1/."""
    for entry in patterns:
        route = str(entry.pattern)
        if "<" in route or "(" in route or "^" in route:
            continue
        if isinstance(entry, URLResolver):
            yield from plain_paths(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route


def links_in(body: bytes, content_type: str) -> set[str]:
    """Same-site paths that a page, feed or JSON document points to."""
    text = body.decode("utf-8", errors="replace")
    found = set(HREF.findall(text))
    if "json" in content_type:
        found |= set(re.findall(r'"((?:http://testserver)?/[^"\s]*)"', text))
    found |= set(re.findall(r"<(?:id|link)[^>]*>(http://testserver/[^<]+)<", text))
    paths = set()
    for link in found:
        parts = urlsplit(link.replace("&amp;", "&"))
        if parts.netloc in ("", "testserver") and parts.path.startswith("/"):
            paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


@pytest.fixture
def registry(make_project, make_event, make_agency):
    agency = make_agency(name_th="กรมการขนส่งทางบก", slug="dlt")
    event = make_event(title_th="แฮกกาธอน My Better Country")
    make_project(title_th="ระบบจองคิวทำใบขับขี่ออนไลน์", lead_agency=agency)
    event.organisers.add(agency)


def test_no_public_response_contains_a_subscriber_address(client, registry):
    """Crawl every public page, export, feed and API response after subscribing."""
    for lang in ("th", "en"):
        client.post(f"/{lang}/alerts/subscribe/", {"email": CANARY, "agency": "dlt"})
    assert Subscription.objects.filter(email=CANARY).count() == 1
    Subscription.objects.update(status="confirmed")
    client.raise_request_exception = False
    starts = set()
    for lang in ("th", "en"):
        with translation.override(lang):
            starts |= set(plain_paths(get_resolver().url_patterns))
    queue, seen = deque(sorted(starts)), set(starts)
    visited = []
    while queue and len(visited) < MAX_RESPONSES:
        path = queue.popleft()
        if path.startswith(PRIVATE_PREFIXES):
            continue
        response = client.get(path)
        visited.append(path)
        body = b"".join(response) if response.streaming else response.content
        for needle in (CANARY, "privacy.canary", json.dumps(CANARY)[1:-1]):
            assert needle.encode() not in body, path
        for link in links_in(body, response.get("Content-Type", "")) - seen:
            seen.add(link)
            queue.append(link)
    # Pages, exports, feeds and the API, not only the two home pages.
    assert {"/th/projects/", "/en/projects/", "/api/v1/projects/"} <= set(visited)
    assert any("export" in path for path in visited)
    assert any(".atom" in path for path in visited)
