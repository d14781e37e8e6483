"""Measure every page type of the bench site: `python -m bench`, started by `bench/run`.

Expects the environment `bench/run` sets: production settings (DEBUG off) and DATABASE_URL
pointing at a database built with `build_bench_site`. Prints the table and writes it, with the
machine's description, to bench/results/.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from . import modes as cache_modes
from .load import Load, measured, median_of
from .report import machine, table, write
from .servers import GUNICORN_WORKERS, gunicorn, nginx

WARM_UP = 4  # requests per page before measuring: both workers compiled and connected


def settings() -> dict:
    env = os.environ
    return {
        "articles": int(env.get("ARTICLES", 10_000)),
        "duration_s": int(env.get("DURATION", 10)),
        "runs": int(env.get("RUNS", 3)),
        "threads": 2,
        "connections": 8,
        "gunicorn_workers": GUNICORN_WORKERS,
        # "uncached" (every page type, the page cache off) and the cache modes of bench/modes.py
        "modes": env.get("BENCH_MODES", "uncached," + ",".join(cache_modes.MODES)).split(","),
    }


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def describe_pages() -> dict:
    """Which URLs, and their query counts, from `bench.pages` under the same settings."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.pages"], capture_output=True, text=True, check=False
    )
    if done.returncode:
        sys.exit(f"Could not list the bench pages:\n{done.stderr}")
    return json.loads(done.stdout)


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get_content_type(), error.read()


def save_copies(app: str, pages: list[dict], root: Path) -> None:
    """Each page as gunicorn serves it, saved as a file for nginx (after warming gunicorn)."""
    root.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages, 1):
        for _ in range(WARM_UP):
            status, kind, body = fetch(app + page["path"])
        name = f"{number:02d}.{'html' if kind == 'text/html' else 'xml'}"
        (root / name).write_bytes(body)
        page.update(static_path=f"/{name}", status=status, bytes=len(body))
        if status != 200:
            log(f"warning: {page['path']} answers {status}")


def measure(page: dict, app: str, static: str, config: dict) -> None:
    loaded = Load(config["threads"], config["connections"], config["duration_s"])
    site = median_of(app + page["path"], loaded, config["runs"])
    baseline = median_of(static + page["static_path"], loaded, config["runs"])
    single = measured(app + page["path"], Load(1, 1, config["duration_s"]))
    page.update(site)
    page.update(
        single_p50_ms=single["p50_ms"],
        single_rps=single["rps"],
        static_rps=baseline["rps"],
        static_p50_ms=baseline["p50_ms"],
        vs_static=round(site["rps"] / baseline["rps"], 5) if baseline["rps"] else None,
    )


def main() -> None:
    config = settings()
    work = Path(os.environ.get("BENCH_WORK") or tempfile.mkdtemp(prefix="mi-bench-"))
    work.chmod(0o755)  # nginx's workers may run as another user and must read the copies
    described = describe_pages()
    pages = described["pages"]
    uncached = "uncached" in config["modes"]
    minutes = len(pages) * config["duration_s"] * (2 * config["runs"] + 1) / 60 * uncached
    log(f"Measuring {len(pages)} pages, about {minutes:.0f} min, then the cache modes.")
    started = datetime.now(UTC)
    env = {**os.environ, "CONTENT_VERSION_FILE": str(work / "content-version")}
    cached, publish_seen_s = {}, None
    with gunicorn({**env, "PAGE_CACHE": "0"}, work) as app:
        save_copies(app, pages, work / "copies")
        with nginx(work / "copies", work) as static:
            for number, page in enumerate(pages if uncached else [], 1):
                begun = time.monotonic()
                measure(page, app, static, config)
                took = time.monotonic() - begun
                log(f"[{number}/{len(pages)}] {page['page']}: {page['rps']:.1f} req/s, "
                    f"static {page['static_rps']:.0f} req/s ({took:.0f} s)")  # fmt: skip
            for mode in cache_modes.MODES:
                if mode in config["modes"]:
                    log(f"Mode: {mode}")
                    cached[mode], seen = cache_modes.measure_mode(
                        mode, env, pages, static, config, work
                    )
                    publish_seen_s = seen if seen is not None else publish_seen_s
    result = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "settings": config,
        "machine": machine(described["database"]),
        "data": described["data"],
        "pages": pages if uncached else [],
        "cache_modes": cached,
        "publish_seen_through_front_cache_s": publish_seen_s,
    }
    if uncached:
        print(table(pages))
    print(cache_modes.table(cached))
    if publish_seen_s is not None:
        print(f"\nA publish was visible through the front cache after {publish_seen_s} s.")
    print(f"\nWritten to {os.path.relpath(write(result))}")


if __name__ == "__main__":
    main()
