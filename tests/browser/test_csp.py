"""The Content-Security-Policy blocks nothing MI Site serves, in a real browser.

Every violation the browser reports (`securitypolicyviolation` events, handed to Python as
they happen, and its "Refused to ..." console messages) fails the test: on the admin's article
form while an editor types, uploads an image and saves, on the other admin pages a
superuser and a publisher setting up two-factor login see, and on every public page type.
The browser here enforces the headers (no `bypass_csp`), unlike the accessibility tests.
"""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.factories.images import image_bytes

from .conftest import PASSWORD
from .test_admin_editor import EDITABLE, open_article_form, save
from .test_public_pages import PAGES, page_paths

REPORT = """
document.addEventListener('securitypolicyviolation', event => window.cspViolation(
    `${event.effectiveDirective} refused ${event.blockedURI || 'inline'}`
    + ` at ${event.sourceFile || document.location.pathname}:${event.lineNumber}`
    + ` ${event.sample || ''}`));
"""


def watch(context) -> list[str]:
    """Collect every CSP violation in any page of this browser context."""
    violations: list[str] = []
    context.expose_function("cspViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT)

    def on_page(tab):
        tab.on("console", lambda message: "Content Security Policy" in message.text
               and violations.append(f"console: {message.text}"))  # fmt: skip

    context.on("page", on_page)
    return violations


@pytest.fixture
def violations(page):
    found = watch(page.context)
    page.on("console", lambda message: "Content Security Policy" in message.text
            and found.append(f"console: {message.text}"))  # fmt: skip
    return found


@pytest.mark.browser
def test_the_editor_types_uploads_and_saves_without_a_violation(page, log_in, violations):
    log_in("Editors")
    open_article_form(page)
    page.fill("#id_title", "Field visit with pictures")
    page.locator(EDITABLE).click()
    page.keyboard.type("Traders at the border market")
    page.keyboard.press("Control+B")
    page.keyboard.type(" in Mae Sot.")
    page.click(".ck-heading-dropdown .ck-dropdown__button")  # a dropdown panel, positioned
    page.keyboard.press("Escape")
    file_input = page.locator(".ck-editor__top .ck-file-dialog-button input[type=file]")
    file_input.set_input_files(
        {"name": "market.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}
    )
    page.wait_for_selector(f'{EDITABLE} img[src^="/media/images/"]')
    # A body image needs a text alternative before the article saves (images/richtext.py).
    page.click(f"{EDITABLE} figure.image")
    page.click('.ck-toolbar [data-cke-tooltip-text="Change image text alternative"]')
    page.fill(".ck-text-alternative-form input", "Traders at the border market")
    page.keyboard.press("Enter")
    save(page)
    # The stored article reopens in the editor with its image.
    page.click("text=Field visit with pictures")
    page.wait_for_selector(f'{EDITABLE} img[src^="/media/images/"]')
    page.wait_for_load_state("networkidle")
    assert violations == [], "\n".join(violations)


@pytest.mark.browser
def test_admin_pages_and_the_two_factor_setup_raise_no_violation(
    page, live_server, role_user, violations, settings
):
    article = ArticleFactory()
    boss = role_user(is_superuser=True, password=PASSWORD)
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", boss.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    for url in [
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),  # select2 autocomplete
        reverse("admin:news_article_history", args=[article.pk]),
        reverse("admin:auth_user_change", args=[boss.pk]),
        reverse("admin:auth_user_password_change", args=[boss.pk]),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("two-factor:setup"),  # the QR code, as inline SVG
        reverse("admin_password_reset"),
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    assert violations == [], "\n".join(violations)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_public_page_raises_a_violation(browser, live_server):
    from tests.site.content import build_site

    paths = page_paths(build_site())
    context = browser.new_context(base_url=live_server.url)
    violations = watch(context)
    tab = context.new_page()
    seen = {}
    for name in PAGES:
        tab.goto(paths[name], wait_until="load")
        seen[name] = tab.evaluate(
            "document.querySelectorAll('script[type=\"application/ld+json\"]').length"
        )
        if violations:
            break
    context.close()
    assert violations == [], name
    assert seen["article"] >= 1, "JSON-LD should be on the page and allowed"
