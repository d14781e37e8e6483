"""Keeping the stored index current: one item, many, all of them, or whatever is missing.

The database's own backend (postgres.py, sqlite.py) stores what `document()` gives for each
item, with the text prepared for matching (text.py). Everything is indexed, drafts too:
whether a row may be shown is decided when searching, by `live()`, so publishing, scheduling
and expiry never need the index touched.
"""

from django.db import DEFAULT_DB_ALIAS, connections

from mi_site.core.progress import NoProgress
from mi_site.core.searchable import document

from . import postgres, sqlite
from .registry import BY_MODEL, KINDS
from .text import prepare

BATCH = 500


def backend(using: str = DEFAULT_DB_ALIAS):
    return postgres if connections[using].vendor == "postgresql" else sqlite


def _texts(item) -> tuple[str, str, str, str]:
    return tuple(prepare(text) for text in document(item).by_weight())


def reindex(model, pks, *, using: str = DEFAULT_DB_ALIAS) -> int:
    """Index the rows of `model` with these keys; forget those that no longer exist."""
    kind, store = BY_MODEL[model], backend(using)
    keys = sorted(set(pks))
    done = 0
    for start in range(0, len(keys), BATCH):
        chunk = keys[start : start + BATCH]
        items = (
            model._default_manager.using(using)
            .filter(pk__in=chunk)
            .select_related(*model.search_select_related)
            .prefetch_related(*model.search_prefetch_related)
        )
        rows = [(item.pk, _texts(item)) for item in items]
        store.write(kind, rows, using)
        if gone := set(chunk) - {pk for pk, _ in rows}:
            store.delete(kind, gone, using)
        done += len(rows)
    return done


def rebuild(*, using: str = DEFAULT_DB_ALIAS, progress=None) -> dict[str, int]:
    """Index every row of every kind, in batches: {kind: rows}. `progress` is a
    mi_site.core.progress ProgressBar or anything with start/advance/finish."""
    progress = progress or NoProgress()
    counts = {}
    for kind in KINDS:
        rows = kind.model._default_manager.using(using).order_by("pk")
        keys = list(rows.values_list("pk", flat=True))
        progress.start(f"search: {kind.name}", len(keys))
        counts[kind.name] = 0
        for start in range(0, len(keys), BATCH):
            counts[kind.name] += reindex(kind.model, keys[start : start + BATCH], using=using)
            progress.advance(min(BATCH, len(keys) - start))
        progress.finish()
    return counts


def catch_up(
    *, using: str = DEFAULT_DB_ALIAS, limit: int | None = 5000, progress=None
) -> int | None:
    """Index the rows missing from the index: after `migrate` on a site that had content, or
    after a bulk load (the bench's data set). Returns how many were indexed, or None when more
    than `limit` are missing: a large site runs `manage.py rebuild_search_index` (progress)."""
    store, progress = backend(using), progress or NoProgress()
    missing = {
        # In key order: each batch rewrites its rows, and rows written in another order
        # (the newest first) would leave the table in that order, and the planner reading it
        # by key (sitemap sections) would scan it instead.
        kind: list(store.unindexed(kind, using).order_by("pk").values_list("pk", flat=True))
        for kind in KINDS
    }
    if limit is not None and sum(map(len, missing.values())) > limit:
        return None
    done = 0
    for kind, keys in missing.items():
        progress.start(f"search: {kind.name}", len(keys))
        for start in range(0, len(keys), BATCH):
            done += reindex(kind.model, keys[start : start + BATCH], using=using)
            progress.advance(min(BATCH, len(keys) - start))
        progress.finish()
    return done
