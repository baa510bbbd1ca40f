"""docs/performance.md as bench/report.py writes it from a run's results."""

from bench.report import render


def _wrk(p95_ms: float, rps: float, *, cache: str = "", errors: int = 0) -> dict:
    return {
        "p50_us": 2_000,
        "p95_us": p95_ms * 1000,
        "p99_us": p95_ms * 1000 + 500,
        "rps": rps,
        "requests": int(rps * 10),
        "errors": {"connect": 0, "read": 0, "write": 0, "status": errors, "timeout": 0},
        "after": {"status": 200, "cache": cache, "size": 100},
    }


def _results() -> dict:
    page = {"note": "", "status": 200, "queries_miss": 7, "queries_hit": 0}
    return {
        "command": "bench/run --duration 5",
        "machine": {
            "cpu": "Test CPU",
            "cores": 2,
            "memory_gib": 4.0,
            "os": "Debian GNU/Linux 12 (bookworm)",
            "kernel": "6.1",
            "python": "3.11.7",
            "django": "5.2",
            "postgresql": "15.20",
            "gunicorn": "23.0.0",
            "wrk": "wrk 4.1.0",
            "date": "2026-11-22 09:00 +07",
            "load_before": 1.5,
            "load_after": 2.0,
        },
        "options": {
            "workers": 4,
            "threads": 2,
            "cache": "redis://127.0.0.1:6379/11",
            "wrk_threads": 1,
            "connections": 8,
            "warmup": 2,
            "duration": 5,
        },
        "pages": [
            {
                **page,
                "key": "home",
                "label": "Home",
                "url": "/th/",
                "size": 19085,
                "is_page": True,
            },
            {
                **page,
                "key": "csv",
                "label": "CSV export (1,004 rows)",
                "url": "/th/projects/export.csv?fiscal_year=2565",
                "size": 410_000,
                "note": "1,004 rows",
                "is_page": False,
                "queries_hit": 3,
            },
        ],
        "max_connections": 100,
        "runs": {
            "cached": {
                "pages": {"home": _wrk(12.5, 1500, cache="hit"), "csv": _wrk(620, 9)},
                "static": {"home": _wrk(3, 2000), "csv": _wrk(40, 300)},
                "workers": [{"pid": 41, "rss_kb": 120 * 1024, "pss_kb": 60 * 1024}],
            },
            "uncached": {
                "pages": {"home": _wrk(80, 40), "csv": _wrk(450, 10, errors=2)},
                "static": {},
                "workers": [{"pid": 42, "rss_kb": 160 * 1024, "pss_kb": None}],
            },
        },
    }


def test_rows_show_latency_throughput_and_share_of_the_static_ceiling():
    """Each page kind's row has its percentiles, req/s, ceiling and share of it."""
    text = render(_results())
    assert (
        "| Home | hit | 2.0 | 12.5 | 13.0 | 1,500 | 2,000 | 75% | 0 "
        "| pass (≤ 50 ms) | pass (≥ 50%) |"
    ) in text
    assert "| Home | — | 2.0 | 80.0 | 80.5 | 40 | 2,000 | 2% | 0 " in text


def test_missed_targets_are_marked_fail():
    """A p95 over target, errors, or a worker over 150 MB reads FAIL, not pass."""
    text = render(_results())
    assert "| 1,004 rows | 200 | 410,000 | 7 | 3 |" in text
    assert "| 620.0 | 620.5 | 9 | 300 | 3% | 0 | **FAIL** (≤ 500 ms) | — |" in text
    assert "| 2 | **FAIL** (errors; ≤ 500 ms) | — |" in text
    assert "| uncached | 42 | 160 | — | **FAIL** |" in text
    assert "| cached | 41 | 120 | 60 | pass |" in text


def test_a_kind_with_no_finished_request_fails():
    """A page so slow that no request finished in the run is not a pass."""
    results = _results()
    results["runs"]["cached"]["pages"]["csv"] = _wrk(0, 0)
    assert "**FAIL** (none finished; ≤ 500 ms)" in render(results)


def test_report_names_the_machine_the_command_and_connections():
    """The page says where and how it was measured and how to measure again."""
    text = render(_results())
    assert "```sh\nbench/run --duration 5\n```" in text
    assert "Test CPU, 2 cores, 4.0 GiB RAM" in text
    assert "PostgreSQL 15.20" in text
    assert "4 workers x 2 threads = 8, PostgreSQL max_connections = 100: pass" in text
    assert "The machine was busy with other work" in text


def test_page_over_the_statement_timeout_reads_not_measured_and_fail():
    """A page too slow to probe is in every table as not measured, never skipped."""
    results = _results()
    results["pages"][0] = {
        "key": "home",
        "label": "Home",
        "url": "/th/",
        "note": "",
        "is_page": True,
        "error": "canceling statement due to statement timeout",
    }
    for run in results["runs"].values():
        del run["pages"]["home"]
    text = render(results)
    assert "**not measured: canceling statement due to statement timeout**" in text
    assert text.count("| Home | — | — |") == 2
    assert "**FAIL** (not measured)" in text
