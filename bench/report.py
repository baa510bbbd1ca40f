"""docs/performance.md from a benchmark's results (the dict bench/main.py saves).

Pure formatting: the same results always give the same page, so it is tested
without running a benchmark.
"""

P95_TARGET_MS = 50
CSV_P95_TARGET_MS = 500
CEILING_SHARE = 0.5
WORKER_RSS_TARGET_MB = 150
# A 1-minute load average above this (half of 2 cores) before the run means
# something else was busy.
BUSY_LOAD = 1.0

RUN_TITLES = {
    "cached": "Page cache on (production)",
    "uncached": "Page cache off (PAGE_CACHE_SECONDS=0): every request rendered",
}


def render(results: dict) -> str:
    options = results["options"]
    machine = results["machine"]
    lines = [
        "# Performance",
        "",
        "Written by `bench/run`; do not edit by hand. Rerun it with:",
        "",
        "```sh",
        results["command"],
        "```",
        "",
        f"Measured {machine['date']} on {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['memory_gib']} GiB RAM; {machine['os']} (Linux "
        f"{machine['kernel']}), Python {machine['python']}, Django "
        f"{machine['django']}, PostgreSQL {machine['postgresql']}, gunicorn "
        f"{machine['gunicorn']}, {machine['wrk']}.",
        "",
        *_load_note(machine),
        f"The server: gunicorn with `govlab/gunicorn.conf.py`, {options['workers']} "
        f"workers x {options['threads']} threads, DEBUG off, WhiteNoise, PostgreSQL "
        f"on the same machine, page cache in "
        f"{'Redis' if options['cache'] else 'each worker’s memory'}. The load: wrk "
        f"({options['wrk_threads']} thread, {options['connections']} connections) "
        f"on loopback, {options['warmup']} s warm-up then {options['duration']} s "
        "per row, sharing the machine's cores with the server. SQL statements "
        f"are cancelled after {options.get('statement_timeout', '—')} s: a page "
        "that needs longer is reported as not measured, or its requests as errors.",
        "",
        "## Targets",
        "",
        f"- p95 latency at most {P95_TARGET_MS} ms for every page kind at "
        f"concurrency 8 on 2 cores; the CSV export of 1,000 rows at most "
        f"{CSV_P95_TARGET_MS} ms.",
        f"- Anonymous HTML pages through the page cache at least "
        f"{CEILING_SHARE:.0%} of the requests per second of a static file of the "
        "same size served by the same server (the ceiling).",
        f"- Each gunicorn worker at most {WORKER_RSS_TARGET_MB} MB resident after "
        "the run.",
        "- Workers x threads (one database connection each at most) within "
        "PostgreSQL's max_connections.",
        "",
        *_pages_table(results["pages"]),
    ]
    for name, run in results["runs"].items():
        lines += _run_table(name, run, results)
    lines += _server_table(results)
    return "\n".join(lines) + "\n"


def _pages_table(pages: list[dict]) -> list[str]:
    lines = [
        "## Pages",
        "",
        "SQL queries per request are counted in process with Django's test client "
        "against the same database: on a miss (page cache off) and on a cache hit.",
        "",
        "| page kind | address | picked | status | bytes | SQL (miss) | SQL (hit) |",
        "|---|---|---|--:|--:|--:|--:|",
    ]
    for page in pages:
        if "error" in page:
            lines.append(
                f"| {page['label']} | `{page['url']}` | {page['note'] or '—'} | "
                f"**not measured: {page['error']}** | — | — | — |"
            )
            continue
        lines.append(
            f"| {page['label']} | `{page['url']}` | {page['note'] or '—'} | "
            f"{page['status']} | {page['size']:,} | {page['queries_miss']} | "
            f"{page['queries_hit']} |"
        )
    return [*lines, ""]


def _run_table(name: str, run: dict, results: dict) -> list[str]:
    cached = name == "cached"
    ceilings = results["runs"].get("cached", {}).get("static", {})
    lines = [
        f"## {RUN_TITLES.get(name, name)}",
        "",
        "Latencies in ms; the ceiling is the requests per second of a static file of "
        "the page's size, measured in the page-cache-on run; X-Page-Cache is the "
        "header of one request after the run.",
        "",
        "| page kind | X-Page-Cache | p50 | p95 | p99 | req/s | ceiling req/s | "
        "share of ceiling | errors | p95 target | ceiling target |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|",
    ]
    for page in results["pages"]:
        if page["key"] not in run["pages"]:
            lines.append(
                f"| {page['label']} | — | — | — | — | — | — | — | — | "
                "**FAIL** (not measured) | — |"
            )
            continue
        result = run["pages"][page["key"]]
        ceiling = ceilings.get(page["key"], {}).get("rps")
        share = result["rps"] / ceiling if ceiling else None
        lines.append(
            f"| {page['label']} | {result['after']['cache'] or '—'} | "
            f"{_ms(result['p50_us'])} | {_ms(result['p95_us'])} | "
            f"{_ms(result['p99_us'])} | {result['rps']:,.0f} | "
            f"{f'{ceiling:,.0f}' if ceiling else '—'} | "
            f"{f'{share:.0%}' if share is not None else '—'} | "
            f"{_errors(result)} | {_p95_verdict(page, result)} | "
            f"{_ceiling_verdict(page, share, cached)} |"
        )
    return [*lines, ""]


def _server_table(results: dict) -> list[str]:
    options = results["options"]
    lines = [
        "## Server",
        "",
        "| run | worker | RSS MB | PSS MB | RSS target |",
        "|---|--:|--:|--:|---|",
    ]
    for name, run in results["runs"].items():
        for worker in run.get("workers", []):
            rss = worker["rss_kb"] / 1024
            pss = worker["pss_kb"] / 1024 if worker.get("pss_kb") is not None else None
            lines.append(
                f"| {name} | {worker['pid']} | {rss:.0f} | "
                f"{f'{pss:.0f}' if pss is not None else '—'} | "
                f"{_verdict(rss <= WORKER_RSS_TARGET_MB)} |"
            )
    slots = options["workers"] * options["threads"]
    limit = results["max_connections"]
    lines += [
        "",
        "RSS counts the memory a worker shares with the gunicorn master (the app is "
        "preloaded) in full; PSS divides it among the processes sharing it.",
        "",
        f"Database connections: {options['workers']} workers x {options['threads']} "
        f"threads = {slots}, PostgreSQL max_connections = {limit}: "
        f"{_verdict(slots <= limit)}.",
    ]
    return lines


def _load_note(machine: dict) -> list[str]:
    before, after = machine.get("load_before"), machine.get("load_after")
    if before is None:
        return []
    note = (
        f"Load average (1 min) just before the run: {before:.2f}; at its end "
        f"(the benchmark's own load included): {after:.2f}."
    )
    if before > BUSY_LOAD:
        note += (
            " **The machine was busy with other work when the run started: the "
            "numbers below are lower than the machine can do.**"
        )
    return [note, ""]


def _ms(microseconds: float) -> str:
    return f"{microseconds / 1000:.1f}"


def _errors(result: dict) -> str:
    return str(sum(result["errors"].values()))


def _verdict(passed: bool) -> str:
    return "pass" if passed else "**FAIL**"


def _p95_verdict(page: dict, result: dict) -> str:
    target = CSV_P95_TARGET_MS if page["key"] == "csv" else P95_TARGET_MS
    if not result["requests"]:
        return f"**FAIL** (none finished; ≤ {target} ms)"
    if sum(result["errors"].values()):
        return f"**FAIL** (errors; ≤ {target} ms)"
    return f"{_verdict(result['p95_us'] <= target * 1000)} (≤ {target} ms)"


def _ceiling_verdict(page: dict, share: float | None, cached: bool) -> str:
    if not (cached and page["is_page"]) or share is None:
        return "—"
    return f"{_verdict(share >= CEILING_SHARE)} (≥ {CEILING_SHARE:.0%})"
