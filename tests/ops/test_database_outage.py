"""A database that accepts connections and never answers costs seconds, not a worker.

A socket that accepts TCP and never says a word stands in for the hung PostgreSQL server, so
these tests need psycopg but no PostgreSQL and run on SQLite too. The requests against it run in
a subprocess (tests/ops/outage_probe.py) whose DATABASE_URL points at the socket: the test
process's own database is never touched. Elapsed times are hang detectors with a wide margin
(three times the connect timeout), not performance assertions.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import OperationalError, connection
from django.template import loader
from django.urls import reverse

from mi_site.pages import health
from mi_site.pages.errors import server_error
from mi_site.pages.middleware import DatabaseOutageMiddleware
from tests.pages.html import PageReader

ROOT = Path(__file__).resolve().parents[2]
CONNECT_TIMEOUT = 2  # seconds; libpq will not wait less
HANG_BOUND = 3 * CONNECT_TIMEOUT
OUTAGE_H1 = "The website is briefly unavailable"

HEALTHZ = "/healthz"
HOME = "/"
ARTICLE = reverse("news:article-detail", kwargs={"slug": "any-article"})
ADMIN = reverse("admin:news_article_changelist")


class HungServer:
    """Listens on 127.0.0.1, accepts every connection and never answers, until stopped."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.socket.accept()
            except OSError:  # stopped
                return
            self.held.append(client)

    def stop(self):
        self.socket.close()
        for client in self.held:
            client.close()


@pytest.fixture(scope="module")
def hung_server():
    server = HungServer()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def outage(hung_server):
    """What connecting and each request did while the database hung (one subprocess)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"postgres://mi@127.0.0.1:{hung_server.port}/mi_site_outage",
        "DB_CONNECT_TIMEOUT": str(CONNECT_TIMEOUT),
    }
    result = subprocess.run(  # noqa: S603 - fixed argv, our own probe
        [sys.executable, "-m", "tests.ops.outage_probe", HEALTHZ, HOME, ARTICLE, ADMIN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert hung_server.held, "the probe never reached the hung server"
    return json.loads(result.stdout), result.stderr


def assert_designed_503(html: str):
    page = PageReader(html)
    assert page.h1() == [OUTAGE_H1]
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert page.meta["robots"] == "noindex"


def test_connecting_to_a_hung_server_fails_within_the_connect_timeout(outage):
    results, _ = outage
    assert results["connect"]["error"] == "OperationalError"
    assert results["connect"]["elapsed"] < HANG_BOUND


def test_healthz_answers_503_within_seconds_when_the_database_hangs(outage):
    results, _ = outage
    assert results[HEALTHZ]["status"] == 503
    assert results[HEALTHZ]["elapsed"] < HANG_BOUND


@pytest.mark.parametrize("path", [HOME, ARTICLE, ADMIN], ids=["home", "article", "admin"])
def test_pages_answer_the_designed_503_with_retry_after_when_the_database_hangs(outage, path):
    results, _ = outage
    response = results[path]
    assert response["status"] == 503
    assert response["retry_after"] == "30"
    assert "no-store" in response["cache_control"]
    assert_designed_503(response["body"])
    assert response["elapsed"] < HANG_BOUND


def test_the_outage_is_logged_with_its_traceback(outage):
    _, log = outage
    assert f"Database unavailable, answered 503: {HOME}" in log
    assert "Traceback" in log and "OperationalError" in log


# No `db` fixture in the next two: pytest-django refuses every query, so they pass only if the
# 503 page never touches the database.


def test_503_template_renders_with_no_context_and_no_database():
    assert_designed_503(loader.get_template("503.html").render())


def test_an_outage_met_outside_a_view_answers_503_too(rf):
    """A middleware's database error reaches handler500, which answers the 503 as well."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(rf.get("/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_designed_503(response.content.decode())


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's"
)


@postgresql_only
@pytest.mark.django_db
def test_the_statement_timeout_reaches_the_server():
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
        (setting,) = cursor.fetchone()
    assert setting == os.environ.get("DB_STATEMENT_TIMEOUT", "10000")


@postgresql_only
@pytest.mark.django_db
def test_a_query_cancelled_by_the_statement_timeout_answers_503(client, settings):
    settings.ROOT_URLCONF = "tests.ops.outage_urls"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = 100")  # the test's transaction
    response = client.get("/slow/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert_designed_503(response.content.decode())


@postgresql_only
@pytest.mark.django_db
def test_healthz_bounds_its_own_query(client, monkeypatch):
    monkeypatch.setattr(health, "QUERY", "SELECT pg_sleep(30)")
    started = time.monotonic()
    response = client.get(reverse("site:healthz"))
    assert response.status_code == 503
    assert time.monotonic() - started < 3 * health.STATEMENT_TIMEOUT_MS / 1000


def test_with_debug_on_a_database_error_shows_djangos_traceback_page(client, settings, db):
    """SQLite reports a mistake in a query as OperationalError: a developer must see it."""
    middleware = DatabaseOutageMiddleware(lambda request: None)
    request = client.get("/").wsgi_request
    settings.DEBUG = True
    assert middleware.process_exception(request, OperationalError("no such column")) is None
    settings.DEBUG = False
    response = middleware.process_exception(request, OperationalError("server closed"))
    assert response.status_code == 503
