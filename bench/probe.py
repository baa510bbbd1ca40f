"""In-process measurements that need no load: status, size and SQL queries per page.

Each page is requested through Django's test client against the benchmark's own
database: once with the page cache off (every query a visitor's first request
costs) and twice with it on, the second time counting what a cache hit costs. The
response body is kept, so the static ceiling can be a file of the same bytes.
"""

from dataclasses import dataclass

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from bench.pages import PageKind

# The page cache's lifetime while probing: long enough for the second request.
PROBE_CACHE_SECONDS = 300


@dataclass(frozen=True)
class Probe:
    """What one page costs and returns, measured in process."""

    status: int
    content_type: str
    body: bytes
    queries_miss: int
    queries_hit: int
    cache_header: str

    @property
    def size(self) -> int:
        return len(self.body)


def probe(page: PageKind) -> Probe:
    with override_settings(PAGE_CACHE_SECONDS=0):
        status, content_type, body, queries_miss, _ = _get(page.url)
    with override_settings(PAGE_CACHE_SECONDS=PROBE_CACHE_SECONDS):
        _get(page.url)
        _, _, _, queries_hit, cache_header = _get(page.url)
    return Probe(
        status=status,
        content_type=content_type,
        body=body,
        queries_miss=queries_miss,
        queries_hit=queries_hit,
        cache_header=cache_header,
    )


def _get(url: str) -> tuple[int, str, bytes, int, str]:
    # A new client each time: like the load generator, it sends no cookies.
    client = Client(HTTP_HOST="127.0.0.1")
    # A streamed response runs its queries while it is read, so read it inside.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        body = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        )
    return (
        response.status_code,
        response.get("Content-Type", ""),
        body,
        len(queries),
        response.get("X-Page-Cache", ""),
    )


def static_name(page: PageKind, content_type: str) -> str:
    """The file name of a page's static twin, with an extension of the same type."""
    for kind, extension in (("json", "json"), ("csv", "csv")):
        if kind in content_type:
            return f"bench-ceiling/{page.key}.{extension}"
    return f"bench-ceiling/{page.key}.html"
