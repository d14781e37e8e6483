"""The content version: one value that changes whenever anything readers see may have changed.

Cached pages, `ETag` and `Last-Modified` are derived from it (mi_site/core/pagecache.py), so a
page is never served from a cache after the content it shows changed. It changes:

- when content is saved or deleted, or its relations change (`post_save`, `post_delete`,
  `m2m_changed` of the models of `CONTENT_APPS` and of the models in `CONTENT_MODELS`), once
  per transaction and only after it commits (a rolled-back edit, such as an editor's change
  held for review, changes nothing);
- when code that writes in bulk says so (`content_changed()`), e.g. `import_redirects`;
- by time alone: scheduled items go live and expire at their `publish_at` and `expire_at`,
  and program phases and "this year" turn over at midnight. The schedule (the latest such
  moment that has passed and the next one to come) is part of the version, so a page cached
  before 9:00 is not served after an article scheduled for 9:00 went live.

The stamp of the last change is kept where every app server sees it: in the cache when the
cache is shared (Redis), otherwise in the modification time of a file
(`CONTENT_VERSION_FILE`), which the worker processes of one machine share. Reading it costs a
cache read or a `stat()`, never a query; the schedule costs a few indexed aggregate queries
once per process per stamp, and again when its next moment has passed.
"""

import logging
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from .publishing import Status

logger = logging.getLogger(__name__)

STAMP_KEY = "mi:content-stamp"
# Apps whose every model is public content, and single models elsewhere that pages show.
CONTENT_APPS = {"news", "people", "programs", "documents", "images", "pages", "taggit"}
CONTENT_MODELS = {"core.redirect"}


@dataclass(frozen=True)
class Version:
    stamp: int  # nanoseconds since the epoch of the last change
    passed: datetime | None  # the latest scheduled moment that has passed
    until: datetime  # the next scheduled moment (or midnight): the version is good until then

    @property
    def tag(self) -> str:
        passed = int(self.passed.timestamp()) if self.passed else 0
        return f"{self.stamp:x}.{passed:x}.{int(self.until.timestamp()):x}"

    @property
    def changed_at(self) -> datetime:
        changed = datetime.fromtimestamp(self.stamp / 1e9, tz=UTC)
        return max(changed, self.passed) if self.passed else changed


# Stamps ------------------------------------------------------------------------------------


def shared() -> bool:
    """Whether the stamp lives in the cache (Redis) rather than in the version file."""
    return "locmem" not in settings.CACHES["default"]["BACKEND"].lower()


def _version_file() -> Path:
    return Path(settings.CONTENT_VERSION_FILE)


def read_stamp() -> int:
    """The version file's stamp of the last change, written now if there is none yet (a fresh
    deployment). With a shared cache the page cache reads the stamp from it itself, in the
    same round trip as the page (pagecache.lookup)."""
    try:
        return _version_file().stat().st_mtime_ns
    except FileNotFoundError:
        return write_stamp()


def write_stamp() -> int:
    stamp = time.time_ns()
    if shared():
        from . import pagecache

        pagecache.guarded(cache.set, STAMP_KEY, stamp, None)
        return stamp
    path = _version_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        old = path.stat().st_mtime_ns
    except FileNotFoundError:
        path.touch()
        old = 0
    stamp = max(stamp, old + 1)  # two changes within a clock tick still differ
    os.utime(path, ns=(stamp, stamp))
    return stamp


def content_changed() -> None:
    """Record a change once the current transaction commits (at once outside one). Each call
    registers its own callback: a callback registered in a savepoint that is rolled back is
    dropped with it, so deduplicating here could lose a change that did commit."""
    transaction.on_commit(write_stamp)


def _is_content(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    return meta is not None and (
        meta.app_label in CONTENT_APPS or meta.label_lower in CONTENT_MODELS
    )


def _on_change(sender, **kwargs):
    if _is_content(sender):
        content_changed()


def connect() -> None:
    post_save.connect(_on_change, dispatch_uid="content-version-save")
    post_delete.connect(_on_change, dispatch_uid="content-version-delete")
    m2m_changed.connect(_on_change, dispatch_uid="content-version-m2m")


# The schedule -------------------------------------------------------------------------------

_schedules: dict[int, Version] = {}


def current(now: datetime | None = None, stamp: int | None = None) -> Version:
    """The content version now: the stamp (read unless given), and the schedule read from the
    database when this process has not read it for this stamp, or its next moment has passed."""
    now = now or timezone.now()
    stamp = read_stamp() if stamp is None else stamp
    known = _schedules.get(stamp)
    if known is None or now >= known.until:
        known = _schedule(stamp, now)
        _schedules.clear()  # only the newest stamp is asked for again
        _schedules[stamp] = known
    return known


def _schedule(stamp: int, now: datetime) -> Version:
    passed, coming = [], [_next_midnight(now)]
    for model in apps.get_models():
        if not _is_content(model) or not hasattr(model, "publish_at"):
            continue
        published = model._default_manager.filter(status=Status.PUBLISHED)
        for field in ("publish_at", "expire_at"):
            # Ordered single rows, not MAX/MIN aggregates: each seeks the `_live` index
            # (status, publish_at, expire_at) instead of reading every published row.
            passed.append(_edge(published.filter(**{f"{field}__lte": now}), f"-{field}"))
            coming.append(_edge(published.filter(**{f"{field}__gt": now}), field))
    passed = [moment for moment in passed if moment]
    return Version(stamp, max(passed, default=None), min(moment for moment in coming if moment))


def _edge(rows, order: str) -> datetime | None:
    return rows.order_by(order).values_list(order.lstrip("-"), flat=True).first()


def _next_midnight(now: datetime) -> datetime:
    local = timezone.localtime(now)
    tomorrow = (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return tomorrow
