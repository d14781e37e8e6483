"""Test settings: the real settings with a test secret and fast password hashing.

Only what a variable would say differs, plus the password hasher (speed) and plain static
storage (tests render pages without running collectstatic first).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-for-the-test-suite-only-0123456789")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
# Two-factor login is on by default with DEBUG off; a test that checks it turns it on.
os.environ.setdefault("MI_SITE_REQUIRE_2FA", "0")
os.environ.setdefault(
    "STATICFILES_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)

from mi_site.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# The page cache outlives a test in the process's memory while each test's data is rolled
# back (and its on_commit callbacks never run): it is on only where a test turns it on
# (tests/cache/, with the `page_cache` fixture).
PAGE_CACHE_ENABLED = False
CONTENT_VERSION_FILE = MEDIA_ROOT / f"content-version-{os.getpid()}"
