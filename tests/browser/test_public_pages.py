"""Every public page type in a real browser, at a phone's width (320 px) and a desktop's
(1280 px): zero axe-core violations (WCAG 2.1 A and AA), no console errors, no horizontal
scroll on a phone, and a keyboard user's first Tab lands on the skip link, which leads into the
main content.

axe-core's script comes from the axe-playwright-python package and is injected into each page.
"""

import os
from pathlib import Path

import pytest
from django.urls import reverse

from tests.site.content import build_site

# Playwright's sync API runs an event loop in the test's thread; Django refuses database
# access from a thread with a running loop unless told it is safe (it is: one thread).
# (tests/browser/conftest.py says so too, and provides the `browser` fixture: Debian's
# Chromium, or a skip with a plain reason when it is not installed.)
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WIDTHS = {"phone": 320, "desktop": 1280}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def page_paths(site) -> dict[str, str]:
    return {
        "home": reverse("site:home"),
        "news list": reverse("news:article-list"),
        "article": site.article.get_absolute_url(),
        "people list": reverse("people:person-list"),
        "person": site.people[1].get_absolute_url(),
        "former staff (410)": site.former.get_absolute_url(),
        "program list": reverse("programs:program-list"),
        "program": site.programs[0].get_absolute_url(),
        "department": site.departments[0].get_absolute_url(),
        "country": site.countries[0].get_absolute_url(),
        "theme": site.themes[0].get_absolute_url(),
        "tag": reverse("site:tag-detail", kwargs={"slug": "energy"}),
        "partner list": reverse("site:partner-list"),
        "partner": site.partners[0].get_absolute_url(),
        "page": site.pages[0].get_absolute_url(),
        "page under another": site.pages[1].get_absolute_url(),
        "search results": reverse("site:search") + "?q=labour+migration",
        "not found (404)": "/news/no-such-article/",
    }


PAGES = [
    "home",
    "news list",
    "article",
    "people list",
    "person",
    "former staff (410)",
    "program list",
    "program",
    "department",
    "country",
    "theme",
    "tag",
    "partner list",
    "partner",
    "page",
    "page under another",
    "search results",
    "not found (404)",
]


def format_violations(violations) -> list[str]:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    at {node['target']}: {node.get('failureSummary', '')}")
    return lines


def console_errors(page, url):
    """Collect console errors and uncaught exceptions, except the browser's own note that
    an error page (404, 410) answered with that status."""
    errors = []

    def on_console(message):
        own_status = message.location.get("url") == url and "Failed to load resource" in (
            message.text
        )
        if message.type == "error" and not own_status:
            errors.append(f"{message.text} ({message.location.get('url')})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


def run_axe(page) -> list[str]:
    page.add_script_tag(content=axe_source())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    # Guard against a run that checked nothing (e.g. tags axe does not know).
    assert result["passes"], "axe-core ran no WCAG rule on this page"
    return format_violations(result["violations"])


# After the skip link, focus is on #main or inside it, or the next Tab lands inside it or past
# it (a page whose main content has no link goes on to the footer): never back in the header.
PAST_THE_HEADER = """() => {
    const main = document.getElementById('main');
    const active = document.activeElement;
    if (!main || !active || active === document.body) return false;
    return main.contains(active)
        || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""
MAIN_LANDMARK = """() => {
    const main = document.getElementById('main');
    return !!main && (main.tagName === 'MAIN' || main.getAttribute('role') === 'main');
}"""


def skip_link_problem(page) -> str | None:
    if not page.evaluate(MAIN_LANDMARK):
        return "no <main id=main> for the skip link to lead to"
    page.keyboard.press("Tab")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    if first != "#main":
        return f"first Tab focuses {first!r}, not the skip link to #main"
    page.keyboard.press("Enter")
    if page.evaluate("location.hash") != "#main":
        return "Enter on the skip link does not go to #main"
    if page.evaluate(PAST_THE_HEADER):
        return None
    page.keyboard.press("Tab")
    if not page.evaluate(PAST_THE_HEADER):
        focused = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        return f"after the skip link, Tab goes back before the main content: {focused}"
    return None


def check_page(context, url, width) -> dict[str, object]:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    errors = console_errors(page, url)
    page.goto(url, wait_until="load")
    problems = {}
    # The keyboard first, on the page as a reader gets it (before axe's script is added).
    if problem := skip_link_problem(page):
        problems["skip link"] = problem
    if width == WIDTHS["phone"]:
        sizes = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        if sizes[0] > sizes[1]:
            problems["horizontal scroll"] = f"content {sizes[0]}px wide in a {sizes[1]}px window"
    if violations := run_axe(page):
        problems["axe violations"] = violations
    if errors:
        problems["console errors"] = errors
    page.close()
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_public_page_is_accessible_at_phone_and_desktop_widths(browser, live_server, name):
    url = live_server.url + page_paths(build_site())[name]
    context = browser.new_context(bypass_csp=True)
    try:
        problems = {
            f"{label} {width}px": found
            for label, width in WIDTHS.items()
            if (found := check_page(context, url, width))
        }
    finally:
        context.close()
    assert problems == {}, format_problems(name, problems)


def format_problems(name, problems) -> str:
    lines = [f"{name}:"]
    for where, found in problems.items():
        for kind, detail in found.items():
            lines.append(f"  [{where}] {kind}:")
            details = detail if isinstance(detail, list) else [detail]
            lines += [f"    {line}" for line in details]
    return "\n".join(lines)
