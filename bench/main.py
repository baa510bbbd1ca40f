"""The benchmark proper, run by bench/run once the database and static files are ready.

1. Picks the page kinds' addresses from the data and probes each in process (status,
   size, SQL queries on a cache miss and on a hit).
2. Writes each page's body as a static file under STATIC_ROOT/bench-ceiling/, so the
   same server serves a file of the same size: the ceiling for that page.
3. Starts gunicorn as in production with the page cache on (Redis when reachable)
   and drives every page and its static twin with wrk; then again with the page
   cache off (PAGE_CACHE_SECONDS=0), pages only.
4. Records each worker's memory after each run and writes docs/performance.md.
"""

import argparse
import json
import logging
import os
import platform
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import django

from bench import load, report

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    args = _parse(argv)
    # Other work on the machine skews every number: the report shows it.
    load_before = os.getloadavg()[0]
    django.setup()
    # A page over the statement timeout is reported in the table; no traceback.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    from django.db import connection
    from django.utils import translation

    from bench.pages import page_kinds

    with translation.override("th"):
        pages = page_kinds(search=args.search)
    rows = [_probe(page, Path(os.environ["STATIC_ROOT"])) for page in pages]
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        max_connections = int(cursor.fetchone()[0])
    results = {
        "command": args.command,
        "machine": _machine(connection),
        "options": vars(args) | {"cache": _cache_url(args)},
        "pages": rows,
        "max_connections": max_connections,
        "runs": {},
    }
    connection.close()
    options = load.LoadOptions(
        connections=args.connections,
        duration=args.duration,
        warmup=args.warmup,
        wrk_threads=args.wrk_threads,
    )
    for name, seconds in (("cached", args.page_cache_seconds), ("uncached", 0)):
        results["runs"][name] = _run(name, rows, args, options, seconds)
    results["machine"] |= {"load_before": load_before, "load_after": os.getloadavg()[0]}
    Path(args.results).write_text(json.dumps(results, indent=1))
    Path(args.output).write_text(report.render(results))
    print(f"Wrote {args.output} (raw results in {args.results}).")


def _probe(page, static_root: Path) -> dict:
    """The page's probe as a report row; its body saved as its static twin."""
    from django.db import DatabaseError

    from bench.probe import probe, static_name

    try:
        found = probe(page)
    except DatabaseError as error:
        # Over the statement timeout (bench/run): reported, not driven with load.
        message = str(error).strip().splitlines()[0]
        print(f"  {page.key}: not measured: {message}")
        return {**page.__dict__, "error": message}
    if found.status != 200:
        sys.exit(f"{page.url} answered {found.status}, not 200: stopping.")
    name = static_name(page, found.content_type)
    (static_root / name).parent.mkdir(parents=True, exist_ok=True)
    (static_root / name).write_bytes(found.body)
    print(
        f"  {page.key}: {found.status}, {found.size:,} bytes, "
        f"{found.queries_miss} queries (miss), {found.queries_hit} (hit)"
    )
    return {
        **page.__dict__,
        "static": f"/static/{name}",
        "status": found.status,
        "size": found.size,
        "queries_miss": found.queries_miss,
        "queries_hit": found.queries_hit,
    }


def _run(name, rows, args, options, page_cache_seconds) -> dict:
    env = {
        "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_THREADS": str(args.threads),
    }
    cache = _cache_url(args)
    if cache:
        # A fresh key prefix per run: a cold cache, and nobody else's keys touched.
        prefix = f"govlab-bench-{name}-{int(time.time())}"
        env |= {"CACHE_URL": cache, "CACHE_KEY_PREFIX": prefix}
    log = Path(args.log)
    server = load.start_server(port=args.port, env=env, log=log)
    base = f"http://127.0.0.1:{args.port}"
    measured = {"pages": {}, "static": {}}
    try:
        for row in rows:
            if "error" in row:
                continue
            print(f"  [{name}] {row['key']} ...", flush=True)
            result = load.drive(base + row["url"], options)
            result["after"] = load.response_facts(base + row["url"])
            measured["pages"][row["key"]] = result
            if name == "cached":
                measured["static"][row["key"]] = load.drive(
                    base + row["static"], options
                )
        measured["workers"] = load.worker_memory(server.pid)
    finally:
        load.stop_server(server)
        if cache:
            _forget_keys(cache, env["CACHE_KEY_PREFIX"])
    measured["page_cache_seconds"] = page_cache_seconds
    return measured


def _cache_url(args) -> str:
    """The Redis URL when Redis answers on it, else "" (each worker's own memory)."""
    if not args.redis_url:
        return ""
    address = urlparse(args.redis_url)
    try:
        socket.create_connection((address.hostname, address.port or 6379), 1).close()
    except OSError:
        return ""
    return args.redis_url


def _forget_keys(url: str, prefix: str) -> None:
    import redis

    client = redis.Redis.from_url(url)
    for key in client.scan_iter(match=f"{prefix}:*", count=1000):
        client.delete(key)


def _machine(connection) -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    os_release = dict(
        line.split("=", 1)
        for line in Path("/etc/os-release").read_text().splitlines()
        if "=" in line
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    import gunicorn

    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(memory_kb / 1024 / 1024, 1),
        "os": os_release.get("PRETTY_NAME", platform.platform()).strip('"'),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgres,
        "gunicorn": gunicorn.__version__,
        "wrk": (wrk.stdout + wrk.stderr).split("[")[0].strip(),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bench/run")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--wrk-threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--page-cache-seconds", type=int, default=300)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--statement-timeout", type=int, default=10)
    parser.add_argument("--search", help="the Thai search word (default: picked)")
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    parser.add_argument("--results", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--command", default="bench/run")
    args = parser.parse_args(argv)
    args.command = " ".join(shlex.split(args.command))
    return args


if __name__ == "__main__":
    main(sys.argv[1:])
