"""The page cache measured: Django's cache with local memory and with Redis, and nginx's front
cache in front of it, each page against nginx serving the same bytes from disk in the same run.

`python -m bench` runs these after the uncached table (BENCH_MODES picks which). Each mode
starts its own gunicorn (and nginx), warms the pages, and loads each with wrk. The front-cache
mode ends by publishing a change and timing how long readers behind the front cache take to
see it (at most its s-maxage, 60 s).
"""

import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .load import Load, median_of
from .servers import GUNICORN_WORKERS, NGINX, free_port, gunicorn, running

# Pages a cache serves, one of each kind readers load most.
CACHED_PAGES = ["home", "news list", "article", "program", "department", "feed: news (RSS)"]
REDIS_URL = "redis://127.0.0.1:6379/9"
FRONT_CONFIG = """\
worker_processes {workers};
pid {work}/front.pid;
error_log {work}/front-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/front-tmp/body;
    proxy_temp_path {work}/front-tmp/proxy;
    fastcgi_temp_path {work}/front-tmp/fastcgi;
    uwsgi_temp_path {work}/front-tmp/uwsgi;
    scgi_temp_path {work}/front-tmp/scgi;
    proxy_cache_path {work}/front-cache levels=1:2 keys_zone=mi_site:20m inactive=10m
                     use_temp_path=off;
    upstream app {{ server {app}; keepalive 32; }}
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_cache mi_site;
            proxy_cache_key $scheme$http_host$request_uri;
            proxy_cache_bypass $cookie_sessionid;
            proxy_no_cache $cookie_sessionid;
            proxy_cache_revalidate on;
            proxy_cache_lock on;
            add_header X-Front-Cache $upstream_cache_status always;
        }}
    }}
}}
"""
MODES = {
    "cache (local memory)": {"PAGE_CACHE": "1"},
    "cache (Redis)": {"PAGE_CACHE": "1", "REDIS_URL": REDIS_URL},
    "front cache (nginx)": {"PAGE_CACHE": "1"},
}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextmanager
def front(app: str, work: Path):
    port = free_port()
    (work / "front-tmp").mkdir(exist_ok=True)
    config = work / "front.conf"
    host = app.removeprefix("http://")
    config.write_text(FRONT_CONFIG.format(workers=GUNICORN_WORKERS, work=work, port=port, app=host))
    command = [NGINX, "-p", str(work), "-e", str(work / "front-error.log"), "-c", str(config),
               "-g", "daemon off;"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with running(command, f"{base}/healthz", work / "front.log"):
        yield base


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def measure_mode(name: str, env: dict, pages: list[dict], static: str, config: dict, work):
    """[{page, rps, p50_ms, p99_ms, static_rps, vs_static}] for the cached pages."""
    chosen = [page for page in pages if page["page"] in CACHED_PAGES]
    loaded = Load(config["threads"], config["connections"], config["duration_s"])
    rows, seen = [], None
    with ExitStack() as stack:
        if "REDIS_URL" in env:
            flush_redis()
        app = stack.enter_context(gunicorn({**env, **MODES[name]}, work))
        base = stack.enter_context(front(app, work)) if name.startswith("front") else app
        for page in chosen:
            for _ in range(4 * GUNICORN_WORKERS):  # each worker has its own local memory
                urllib.request.urlopen(base + page["path"], timeout=60).read()
            site = median_of(base + page["path"], loaded, config["runs"])
            baseline = median_of(static + page["static_path"], loaded, config["runs"])
            rows.append({
                "page": page["page"], **site, "static_rps": baseline["rps"],
                "vs_static": round(site["rps"] / baseline["rps"], 4) if baseline["rps"] else None,
            })  # fmt: skip
            log(f"  {name}: {page['page']}: {site['rps']:.0f} req/s, p99 {site['p99_ms']} ms, "
                f"static {baseline['rps']:.0f} req/s")  # fmt: skip
        if name.startswith("front"):
            seen = publish_seen_after(base, env)
    return rows, seen


def publish_seen_after(base: str, env: dict) -> float:
    """Seconds from saving a new title of the newest article until the home page, which the
    front cache holds (it was measured just before), shows it to readers behind the cache."""
    # The home page fresh in the front cache (a HIT), so the time measured is the cache's.
    for _ in range(3):
        with urllib.request.urlopen(base + "/", timeout=30) as response:
            cached = response.headers.get("X-Front-Cache") == "HIT"
    if not cached:
        log("warning: the home page is not in the front cache")
    marker = f"Bench publish {int(time.time())}"
    script = (
        "from news.models import Article; a = Article.objects.live().first(); "
        f"a.title = {marker!r}; a.save()"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    saved = time.monotonic()
    while time.monotonic() - saved < 180:
        if marker in urllib.request.urlopen(base + "/", timeout=30).read().decode():
            return round(time.monotonic() - saved, 1)
        time.sleep(1)
    return float("inf")


def table(modes: dict) -> str:
    lines = []
    for name, rows in modes.items():
        lines.append(f"\n{name}")
        lines.append(f"  {'page':<18} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
                     f"{'static req/s':>12} {'vs static':>9}")  # fmt: skip
        for row in rows:
            lines.append(
                f"  {row['page']:<18} {row['rps']:>8.0f} {row['p50_ms'] or 0:>7.2f} "
                f"{row['p99_ms'] or 0:>7.2f} {row['static_rps']:>12.0f} "
                f"{(row['vs_static'] or 0):>9.1%}"
            )
    return "\n".join(lines)
