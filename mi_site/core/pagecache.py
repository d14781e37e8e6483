"""The anonymous page cache: public pages served from Django's cache, never stale.

`PageCacheMiddleware` keeps the response to an anonymous GET (and answers HEAD from it) under a
key made of the content version (mi_site/core/contentversion.py), the host and the full path:
when content changes the version changes, so every cached page is left behind at once — no
purge, no list of pages to refresh. A hit runs no SQL query. Every response the middleware
lets through carries `ETag` and `Last-Modified` from the version (not a hash of the body),
`Cache-Control: public, max-age, s-maxage` capped by the next scheduled change, and a
conditional request whose `ETag` still holds is answered 304 with no body before any view runs.

Never cached, never served from the cache: requests with a session cookie (staff), anything
under the admin, the editor's upload URL and share links, previews (they say `no-store`),
responses that set a cookie (a CSRF token, messages), responses that say `private`,
`no-cache` or `no-store` (search), and errors other than 404.

The cache may fail: a Redis that refuses or never answers makes each call fail within its
socket timeout (settings: `REDIS_TIMEOUT`); the first failure opens a breaker for
`BREAKER_SECONDS`, during which the site serves uncached without trying Redis, logs the outage
at most once a minute, and tries again afterwards.
"""

import logging
import time
from hashlib import blake2b

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from . import contentversion
from .headers import is_staff_path

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 10
LOG_EVERY_SECONDS = 60
CACHEABLE_STATUS = {200, 404}
# Besides the staff paths (headers.is_staff_path): pages that must never come from the cache.
SKIPPED_PREFIXES = ("/share/", "/healthz", "/static/", "/media/")
# Every header a view or an inner middleware set (CSP, X-Frame-Options, Vary ...) is kept
# with the page, except those that belong to one response or are made again on a hit.
NOT_KEPT = {"set-cookie", "date", "etag", "last-modified", "cache-control", "expires",
            "content-length", "x-cache"}  # fmt: skip


FAILED = object()  # what `guarded()` returns when asked to tell a failure from a miss


class CacheDown(Exception):
    """The cache cannot be read now: serve without it."""


class _Breaker:
    open_until = 0.0
    logged_at = 0.0


def guarded(call, *args, default=None):
    """`call(*args)` on the cache, or `default` when the cache is failing (see the module)."""
    now = time.monotonic()
    if now < _Breaker.open_until:
        return default
    try:
        return call(*args)
    except Exception as error:  # redis.ConnectionError, TimeoutError, OSError ...
        _Breaker.open_until = now + BREAKER_SECONDS
        if now - _Breaker.logged_at >= LOG_EVERY_SECONDS or not _Breaker.logged_at:
            _Breaker.logged_at = now
            logger.warning("Cache unavailable, serving pages uncached: %r", error)
        return default


def cache_down() -> bool:
    return time.monotonic() < _Breaker.open_until


def cache_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS


def _key(request) -> str:
    """One key per address: the page stored there names the version it was made for."""
    address = f"{request.get_host()}{request.get_full_path()}"
    return "page:" + blake2b(address.encode(), digest_size=16).hexdigest()


def _etag(version) -> str:
    return quote_etag(version.tag)


def _bypass(request) -> bool:
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
        or request.path.startswith(SKIPPED_PREFIXES)
        or is_staff_path(request.path)
    )


class PageCacheMiddleware:
    """Place it first after the security and static-file middleware, so a hit skips sessions,
    authentication and every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_ENABLED or _bypass(request) or cache_down():
            return self.get_response(request)
        key = _key(request)
        try:
            version, stored = self.lookup(key)
        except CacheDown:
            return self.get_response(request)
        if _etag(version) in _etags_of(request.headers.get("If-None-Match", "")):
            return self.not_modified(version)
        if stored is not None and stored[0] == version.tag:
            return self.rebuild(request, stored, version)
        response = self.get_response(request)
        if self.cacheable(request, response):
            seconds = self.decorate(response, version)
            if response.status_code == 404 or request.GET:
                # Addresses anyone can invent (a 404, any query string) stay only as long as
                # a shared cache keeps them: a flood of made-up URLs cannot fill the cache.
                seconds = min(seconds, settings.PAGE_SHARED_SECONDS)
            if seconds > 0:
                guarded(cache.set, key, (version.tag, *self.freeze(response)), seconds)
        return response

    @staticmethod
    def lookup(key: str):
        """(the content version, the page stored under `key` or None). With Redis, the stamp
        and the page come in one round trip; a page stored under an older version is a miss
        (and is replaced)."""
        if not contentversion.shared():
            return contentversion.current(), guarded(cache.get, key)
        found = guarded(cache.get_many, [contentversion.STAMP_KEY, key], default=FAILED)
        if found is FAILED:
            raise CacheDown
        stamp = found.get(contentversion.STAMP_KEY)
        if stamp is None:
            return contentversion.current(stamp=contentversion.write_stamp()), None
        return contentversion.current(stamp=stamp), found.get(key)

    @staticmethod
    def cacheable(request, response) -> bool:
        control = response.get("Cache-Control", "").lower()
        return (
            response.status_code in CACHEABLE_STATUS
            and not response.streaming
            and not response.cookies
            and not any(word in control for word in ("private", "no-cache", "no-store"))
            and _anonymous(request)
        )

    def lifetime(self, version) -> int:
        """Seconds until the page may change by time alone, at most PAGE_CACHE_SECONDS."""
        until = version.until.timestamp() - time.time()
        return max(0, min(cache_seconds(), int(until)))

    def decorate(self, response, version) -> int:
        """Our caching headers on `response`; returns the page's lifetime in seconds."""
        response["ETag"] = _etag(version)
        response["Last-Modified"] = http_date(version.changed_at.timestamp())
        seconds = self.lifetime(version)
        patch_cache_control(
            response,
            public=True,
            max_age=min(settings.PAGE_BROWSER_SECONDS, seconds),
            s_maxage=min(settings.PAGE_SHARED_SECONDS, seconds),
        )
        patch_vary_headers(response, ["Cookie"])
        return seconds

    @staticmethod
    def freeze(response) -> tuple:
        headers = {k: v for k, v in response.items() if k.lower() not in NOT_KEPT}
        return response.status_code, headers, response.content

    def rebuild(self, request, stored, version) -> HttpResponse:
        _, status, headers, content = stored
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers.items():
            response[name] = value
        if request.method == "HEAD":
            response["Content-Length"] = str(len(content))
        self.decorate(response, version)
        response["X-Cache"] = "hit"
        return response

    def not_modified(self, version) -> HttpResponse:
        response = HttpResponseNotModified()
        self.decorate(response, version)
        return response


def _anonymous(request) -> bool:
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def _etags_of(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}
