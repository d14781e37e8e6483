"""Playwright with Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium every browser test is skipped with a plain reason; Playwright's own
browser download is never used. Tests log in through the real admin login form.
"""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; without this Django refuses ORM
# calls from the test ("SynchronousOnlyOperation"). The live server runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PASSWORD = "a-long-browser-test-password"


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents:
            item.add_marker(pytest.mark.browser)


# Module scope: Playwright's sync API allows one running instance per thread, and a module
# may start its own (e.g. with other launch options) once the previous module's has stopped.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: .ci/run installs Debian's chromium")
        pytest.skip("Debian's chromium not installed: browser tests skipped")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def log_in(page, role_user):
    """`log_in("Editors")` signs a new user with that role in through the admin login page."""

    def sign_in(role: str):
        user = role_user(role, password=PASSWORD)
        page.goto("/admin/login/?next=/admin/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", PASSWORD)
        page.click("input[type=submit]")
        page.wait_for_url("**/admin/")
        return user

    return sign_in
