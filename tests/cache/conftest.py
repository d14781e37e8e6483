import pytest
from django.core.cache import cache

from mi_site.core import contentversion, pagecache


@pytest.fixture
def page_cache(settings, tmp_path):
    """The page cache on, empty, with a content version of this test's own."""
    settings.PAGE_CACHE_ENABLED = True
    settings.CONTENT_VERSION_FILE = tmp_path / "content-version"
    cache.clear()
    contentversion._schedules.clear()
    pagecache._Breaker.open_until = pagecache._Breaker.logged_at = 0.0
    yield
    pagecache.guarded(cache.clear)  # a test may leave the cache pointing at a dead Redis
    contentversion._schedules.clear()
    pagecache._Breaker.open_until = pagecache._Breaker.logged_at = 0.0


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed(): ...` runs the block's on-commit callbacks, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
