"""Redis may fail: refused or black-holed, the site serves every page uncached within the
socket timeout, logs the outage once, never answers 500, and heals when Redis is back."""

import logging
import socket

import pytest
from django.core.cache import cache

from mi_site.core import pagecache
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]
REDIS = "redis://127.0.0.1:6379/15"


def redis_at(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture
def refusing_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()  # nothing listens there now: connections are refused
    return port


@pytest.fixture
def black_hole():
    """A socket that accepts connections (the kernel does) and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server.getsockname()[1]
    server.close()


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.parametrize("kind", ["refused", "black hole"])
def test_pages_are_served_uncached_while_redis_fails(
    client, settings, caplog, refusing_port, black_hole, kind
):
    ArticleFactory(title="Rice value chains")
    port = refusing_port if kind == "refused" else black_hole
    redis_at(settings, f"redis://127.0.0.1:{port}/0")
    with caplog.at_level(logging.WARNING, logger="mi_site.core.pagecache"):
        for _ in range(3):
            response = client.get("/news/")
            assert response.status_code == 200 and b"Rice value chains" in response.content
            assert "X-Cache" not in response
    outage = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert len(outage) == 1, "the outage is logged once, not on every request"
    assert pagecache.cache_down()


@pytest.mark.skipif(not redis_is_running(), reason="needs the local Redis (127.0.0.1:6379)")
def test_the_cache_heals_when_redis_returns(client, settings, refusing_port):
    ArticleFactory(title="Rice value chains")
    redis_at(settings, f"redis://127.0.0.1:{refusing_port}/0")
    assert client.get("/news/").status_code == 200
    assert pagecache.cache_down()

    redis_at(settings, REDIS)
    cache.clear()
    pagecache._Breaker.open_until = 0.0  # the breaker's time has passed
    assert client.get("/news/").status_code == 200
    assert client.get("/news/")["X-Cache"] == "hit"
    cache.clear()


@pytest.mark.skipif(not redis_is_running(), reason="needs the local Redis (127.0.0.1:6379)")
def test_with_redis_a_hit_is_one_round_trip_and_a_change_is_seen_at_once(
    client, settings, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    redis_at(settings, REDIS)
    cache.clear()
    article = ArticleFactory(title="Rice value chains")
    client.get("/news/")
    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/news/")
    assert (hit["X-Cache"], len(queries)) == ("hit", 0)
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Rice value chains in Laos"
        article.save()
    fresh = client.get("/news/")
    assert "X-Cache" not in fresh and b"Rice value chains in Laos" in fresh.content
    assert client.get("/news/")["X-Cache"] == "hit"
    cache.clear()
