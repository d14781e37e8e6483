"""Load one URL with wrk and read its report: requests per second and latency percentiles."""

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPORTER = Path(__file__).with_name("report.lua")
# A slow page must show up as slow, not as wrk's 2 s timeout; gunicorn's own is 30 s.
TIMEOUT = "60s"


@dataclass(frozen=True)
class Load:
    threads: int
    connections: int
    seconds: int


def wrk(url: str, load: Load) -> dict:
    """One wrk run: req/s, p50 and p99 in ms, and how many answers were errors."""
    command = ["wrk", f"-t{load.threads}", f"-c{load.connections}", f"-d{load.seconds}s",
               f"--timeout={TIMEOUT}", "-s", str(REPORTER), url]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if done.returncode or line is None:
        sys.exit(f"wrk failed on {url}:\n{done.stdout}\n{done.stderr}")
    report = json.loads(line.removeprefix("BENCH "))
    errors = sum(report[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    seconds = report["duration_us"] / 1e6
    # No answer within the run: the latency is unknown (longer than the run), not zero.
    answered = report["requests"] > 0
    return {
        "rps": round(report["requests"] / seconds, 1) if seconds else 0.0,
        "p50_ms": round(report["p50_us"] / 1000, 2) if answered else None,
        "p99_ms": round(report["p99_us"] / 1000, 2) if answered else None,
        "requests": report["requests"],
        "errors": errors,
        "bad_status": report["bad_status"],
    }


def settle(run: dict) -> None:
    """Wait for the requests a run left behind to drain.

    wrk stops at its deadline with requests in flight; the server still answers them, and on a
    slow page that takes seconds the next run would otherwise measure. The run's p99 latency
    is about how long the last of them has to wait.
    """
    if run["p99_ms"] is None:  # nothing came back: wait out gunicorn's 30 s worker timeout
        time.sleep(30)
    else:
        time.sleep(min(run["p99_ms"] / 1000, 60) + 0.2)


def measured(url: str, load: Load) -> dict:
    run = wrk(url, load)
    settle(run)
    return run


def median_of(url: str, load: Load, runs: int) -> dict:
    """`runs` wrk runs; each figure is the median of its runs, errors are summed."""
    results = [measured(url, load) for _ in range(runs)]
    summary = {key: _median(r[key] for r in results) for key in ("rps", "p50_ms", "p99_ms")}
    for key in ("requests", "errors", "bad_status"):
        summary[key] = sum(r[key] for r in results)
    summary["runs_rps"] = [r["rps"] for r in results]
    return summary


def _median(values) -> float | None:
    known = [value for value in values if value is not None]
    return statistics.median(known) if known else None
