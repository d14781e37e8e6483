import pytest
from django.db import connection
from django.utils import timezone

from mi_site.search import engine, signals
from mi_site.search.query import parse
from mi_site.search.registry import BY_NAME

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL only (DATABASE_URL): pg_trgm"
)


@pytest.fixture
def indexed(db):
    """Call after making content: the index work the saves collected, done as the commit
    would do it (a test's transaction never commits)."""
    return signals.flush


@pytest.fixture
def search(indexed):
    """`search("rice", kind="person")` -> the titles found, best first."""

    def run(words, **filters):
        indexed()
        chosen = engine.Filters(kind=BY_NAME.get(filters.pop("kind", None)), **filters)
        now = timezone.now()
        found = engine.hits(parse(words), chosen, now, page=1)
        return [str(result.item) for result in engine.results(found[0:100], parse(words), now)]

    return run
