"""The bench's results: the machine they were measured on, a table, and a JSON file."""

import json
import os
import platform
import re
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).with_name("results")
ROOT = Path(__file__).resolve().parent.parent


def _output(*command: str) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    except OSError:
        return ""
    return (done.stdout or done.stderr).strip()


def _proc(path: str, pattern: str) -> str:
    try:
        match = re.search(pattern, Path(path).read_text(), re.MULTILINE)
    except OSError:
        return ""
    return match.group(1).strip() if match else ""


def machine(database: str) -> dict:
    """What the numbers depend on: cores, CPU, memory, software versions, the code's commit."""
    memory_kb = _proc("/proc/meminfo", r"^MemTotal:\s+(\d+)")
    commit = _output("git", "rev-parse", "--short", "HEAD")
    if _output("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    return {
        "host": socket.gethostname(),
        "nproc": len(os.sched_getaffinity(0)),
        "cpu": _proc("/proc/cpuinfo", r"^model name\s*:\s*(.+)$") or platform.processor(),
        "ram_gb": round(int(memory_kb) / 1024 / 1024, 1) if memory_kb else None,
        "kernel": platform.release(),
        "database": database,
        "python": platform.python_version(),
        "gunicorn": _output(str(Path(sys.executable).with_name("gunicorn")), "--version"),
        "nginx": _output("nginx", "-v") or _output("/usr/sbin/nginx", "-v"),
        "wrk": (_output("wrk", "--version").splitlines() or [""])[0],
        "git_commit": commit,
    }


COLUMNS = [
    ("page", "{page}", "<"),
    ("req/s", "{rps:.1f}", ">"),
    ("p50 ms", "{p50_ms:.1f}", ">"),
    ("p99 ms", "{p99_ms:.1f}", ">"),
    ("1 conn p50 ms", "{single_p50_ms:.1f}", ">"),
    ("queries", "{queries}", ">"),
    ("KB", "{kb:.1f}", ">"),
    ("static req/s", "{static_rps:.0f}", ">"),
    ("vs static", "{vs_static:.2%}", ">"),
    ("errors", "{failures}", ">"),
]


def table(pages: list[dict]) -> str:
    rows = [[head for head, _, _ in COLUMNS]]
    for page in pages:
        values = {**page, "kb": page["bytes"] / 1024, "failures": _failures(page)}
        rows.append([_cell(fmt, values) for _, fmt, _ in COLUMNS])
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            f"{cell:{align}{width}}"
            for cell, width, (_, _, align) in zip(row, widths, COLUMNS, strict=True)
        ]
        lines.append("  ".join(cells))
        if n == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _cell(fmt: str, values: dict) -> str:
    try:
        return fmt.format(**values)
    except TypeError:  # None: no request was answered within the run
        return "n/a"


def _failures(page: dict) -> str:
    """Answers that were not a 2xx/3xx or never came, in the loaded runs; "-" when none."""
    count = page["errors"] + page["bad_status"]
    return str(count) if count else "-"


def write(result: dict) -> Path:
    RESULTS.mkdir(exist_ok=True)
    day = datetime.now().strftime("%Y-%m-%d")
    articles = result["settings"]["articles"]
    host = re.sub(r"[^A-Za-z0-9.-]+", "-", result["machine"]["host"])
    stem = f"{day}-{articles}-articles-{host}"
    path, run = RESULTS / f"{stem}.json", 1
    while path.exists():  # a second bench the same day keeps the first's results
        run += 1
        path = RESULTS / f"{stem}-{run}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    return path
