"""The two servers the bench loads: gunicorn running the site, and nginx serving saved copies.

Both run as child processes of the bench, on free ports, with their files in the bench's
work folder; both are stopped (by their own process id) when the `with` block ends.
"""

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

GUNICORN_WORKERS = 2
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"  # Debian puts it in sbin
NGINX_CONFIG = """\
worker_processes {workers};
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}/nginx-tmp/body;
    proxy_temp_path {work}/nginx-tmp/proxy;
    fastcgi_temp_path {work}/nginx-tmp/fastcgi;
    uwsgi_temp_path {work}/nginx-tmp/uwsgi;
    scgi_temp_path {work}/nginx-tmp/scgi;
    types {{ text/html html; application/xml xml; }}
    default_type text/html;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Return once `url` answers at all; fail with the server's log if it dies or stalls."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"The server stopped (exit {process.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # an HTTP answer, even an error, means the server is up
        except OSError:
            time.sleep(0.2)
    sys.exit(f"No answer from {url} after {seconds:.0f} s:\n{log.read_text()}")


@contextmanager
def running(command: list[str], url: str, log: Path, **popen):
    with log.open("w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, **popen)
        try:
            wait_for(url, process, log)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@contextmanager
def gunicorn(env: dict, work: Path):
    """The site as production runs it: gunicorn, sync workers, settings from `env`."""
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "mi_site.wsgi",
        f"--workers={GUNICORN_WORKERS}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
    ]
    base = f"http://127.0.0.1:{port}"
    # gunicorn.conf.py's settings, without an access log (one line per request would be
    # measured too).
    env = {**env, "GUNICORN_ACCESS_LOG": ""}
    with running(command, f"{base}/healthz", work / f"gunicorn-{port}.log", env=env):
        yield base


@contextmanager
def nginx(root: Path, work: Path):
    """Debian's nginx serving the files under `root`: what the same bytes cost without
    Python or a database, the baseline each page is compared with."""
    port = free_port()
    (work / "nginx-tmp").mkdir(exist_ok=True)
    config = work / "nginx.conf"
    config.write_text(
        NGINX_CONFIG.format(workers=GUNICORN_WORKERS, work=work, port=port, root=root)
    )
    command = [NGINX, "-p", str(work), "-e", str(work / "nginx-error.log"), "-c", str(config),
               "-g", "daemon off;"]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with running(command, f"{base}/", work / "nginx.log"):
        yield base
