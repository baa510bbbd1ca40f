"""The server under load: gunicorn started as in production, wrk driving it.

wrk runs as a separate process on loopback with bench/wrk.lua, which prints its
latency percentiles and counts as one JSON line. Nothing here imports Django.
"""

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK_SCRIPT = Path(__file__).with_name("wrk.lua")
# A CSV export takes far longer than a page; wrk's default 2 s would cut it off.
WRK_TIMEOUT = "10s"


@dataclass(frozen=True)
class LoadOptions:
    connections: int = 8
    duration: int = 10
    warmup: int = 2
    wrk_threads: int = 1


def start_server(*, port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    """gunicorn with govlab/gunicorn.conf.py on 127.0.0.1:port, once it answers."""
    gunicorn = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "gunicorn"
    server_env = {**os.environ, **env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    with log.open("ab") as output:
        process = subprocess.Popen(
            [str(gunicorn), "--config", str(ROOT / "govlab" / "gunicorn.conf.py")],
            cwd=ROOT,
            env=server_env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    _wait_until_ready(process, f"http://127.0.0.1:{port}/healthz", log)
    return process


def _wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    stop_server(process)
    raise RuntimeError(f"gunicorn did not answer {url} within 60 s; see {log}")


def stop_server(process: subprocess.Popen) -> None:
    """Stop gunicorn at once (SIGINT: the run is over, no request to finish)."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children")
    if children.exists():
        return [int(pid) for pid in children.read_text().split()]
    return [
        int(stat.parent.name)
        for stat in Path("/proc").glob("[0-9]*/stat")
        if _parent_pid(stat) == master
    ]


def _parent_pid(stat: Path) -> int | None:
    try:
        # The command name may hold spaces; the parent pid follows its closing ")".
        return int(stat.read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def worker_memory(master: int) -> list[dict[str, int]]:
    """Each worker's resident memory (RSS) and proportional share (PSS), in kB.

    RSS counts the pages shared with the master after preloading in full for every
    worker; PSS divides them among the processes sharing them.
    """
    workers = []
    for pid in worker_pids(master):
        status = _kb_fields(Path(f"/proc/{pid}/status"), ("VmRSS",))
        rollup = _kb_fields(Path(f"/proc/{pid}/smaps_rollup"), ("Pss",))
        workers.append(
            {"pid": pid, "rss_kb": status.get("VmRSS", 0), "pss_kb": rollup.get("Pss")}
        )
    return workers


def _kb_fields(path: Path, names: tuple[str, ...]) -> dict[str, int]:
    try:
        lines = path.read_text().splitlines()
    except OSError:
        return {}
    found = {}
    for line in lines:
        name, _, value = line.partition(":")
        if name in names:
            found[name] = int(value.split()[0])
    return found


def drive(url: str, options: LoadOptions) -> dict:
    """A warm-up, then the measured wrk run: its latencies, counts and errors."""
    if options.warmup:
        _wrk(url, options, options.warmup)
    result = _wrk(url, options, options.duration)
    seconds = result["duration_us"] / 1_000_000
    result["rps"] = result["requests"] / seconds if seconds else 0.0
    return result


def _wrk(url: str, options: LoadOptions, seconds: int) -> dict:
    command = [
        "wrk",
        f"--threads={options.wrk_threads}",
        f"--connections={options.connections}",
        f"--duration={seconds}s",
        f"--timeout={WRK_TIMEOUT}",
        f"--script={WRK_SCRIPT}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    for line in output.splitlines():
        if line.startswith("BENCH-JSON "):
            return json.loads(line.removeprefix("BENCH-JSON "))
    raise RuntimeError(f"wrk printed no result for {url}:\n{output}")


def response_facts(url: str) -> dict:
    """One plain GET: status, the page cache's verdict and the body's size."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read()
            status = response.status
            header = response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return {"status": error.code, "cache": "", "size": 0}
    return {"status": status, "cache": header, "size": len(body)}
