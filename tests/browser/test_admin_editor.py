"""The rich-text editor works in the admin, in a real browser, for an editor.

CKEditor 5 starts on the article form with the toolbar MI Site configures (and without the
plugins the bundle ships but the sanitiser would undo), what an editor types is stored as
HTML, and an image dropped into the editor is uploaded, stored and referenced in the body.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from news.models import Article
from tests.factories.images import image_bytes

ADD_ARTICLE = "/admin/news/article/add/"
EDITABLE = ".ck-editor__editable"

WANTED_BUTTONS = ["Heading", "Bold", "Italic", "Link", "Bulleted List", "Numbered List",
                  "Block quote", "Insert table", "Upload image from computer"]  # fmt: skip
# Present in django-ckeditor-5's bundle; removed by settings.CKEDITOR_5_CONFIGS.
UNWANTED_PLUGINS = ["SourceEditing", "HtmlEmbed", "Markdown", "GeneralHtmlSupport",
                    "MediaEmbed", "Style", "Font"]  # fmt: skip

EDITOR_STATE = """() => {
    const editor = Object.values(window.editors)[0];
    return {
        plugins: Object.fromEntries(%s.map(name => [name, editor.plugins.has(name)])),
        data: editor.getData(),
    };
}"""


def open_article_form(page):
    page.goto(ADD_ARTICLE)
    page.wait_for_selector(EDITABLE)
    page.wait_for_function("() => window.editors && Object.keys(window.editors).length > 0")


def toolbar_buttons(page) -> list[str]:
    tips = page.eval_on_selector_all(
        ".ck-editor__top .ck-toolbar__items [data-cke-tooltip-text]",
        "elements => elements.map(e => e.dataset.ckeTooltipText)",
    )
    # "Bold (Ctrl+B)" -> "Bold"
    return [re.sub(r" \(.*\)$", "", tip) for tip in tips]


def save(page):
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")


@pytest.mark.browser
def test_editor_writes_headings_and_bold_text_stored_as_html(page, log_in):
    log_in("Editors")
    open_article_form(page)
    buttons = toolbar_buttons(page)
    assert all(button in buttons for button in WANTED_BUTTONS), buttons
    assert not {"Source", "Insert HTML", "Code block", "Insert media"} & set(buttons), buttons
    state = page.evaluate(EDITOR_STATE % UNWANTED_PLUGINS)
    assert not any(state["plugins"].values()), state["plugins"]

    page.fill("#id_title", "Workshop on safe labour migration")
    editable = page.locator(EDITABLE)
    editable.click()
    page.click(".ck-heading-dropdown .ck-dropdown__button")
    page.click(".ck-heading-dropdown .ck-heading_heading2")
    page.keyboard.type("Background")
    page.keyboard.press("Enter")
    page.keyboard.type("Officials from ")
    page.keyboard.press("Control+B")
    page.keyboard.type("six countries")
    page.keyboard.press("Control+B")
    page.keyboard.type(" met in Mae Sot.")
    save(page)

    body = Article.objects.get(title="Workshop on safe labour migration").body
    assert "<h2>Background</h2>" in body
    assert "<strong>six countries</strong>" in body
    assert "##" not in body and "**" not in body


@pytest.mark.browser
def test_image_dropped_into_the_editor_is_uploaded_and_kept(page, log_in):
    log_in("Editors")
    open_article_form(page)
    page.fill("#id_title", "Field visit in pictures")
    page.locator(EDITABLE).click()
    page.keyboard.type("The team visited a border market.")
    file_input = page.locator(".ck-editor__top .ck-file-dialog-button input[type=file]")
    file_input.set_input_files(
        {"name": "market.png", "mimeType": "image/png", "buffer": image_bytes("PNG")}
    )
    page.wait_for_selector(f'{EDITABLE} img[src^="/media/images/"]')
    page.click(f"{EDITABLE} figure.image")
    page.click('.ck-toolbar [data-cke-tooltip-text="Change image text alternative"]')
    page.fill(".ck-text-alternative-form input", "Traders at the border market")
    page.keyboard.press("Enter")
    save(page)

    body = Article.objects.get(title="Field visit in pictures").body
    assert 'alt="Traders at the border market"' in body
    match = re.search(r'<img data-image="\d+" src="(/media/images/[^"]+\.png)"', body)
    assert match, body
    stored = Path(settings.MEDIA_ROOT) / match.group(1).removeprefix(settings.MEDIA_URL)
    assert stored.is_file()
    assert stored.read_bytes().startswith(b"\x89PNG")


@pytest.mark.browser
def test_article_form_has_no_console_errors(page, log_in):
    problems = []
    # The browser asks for /favicon.ico on its own; the admin links none.
    page.on("console", lambda msg: msg.type == "error" and not msg.location.get(
        "url", "").endswith("/favicon.ico") and problems.append(msg.text))  # fmt: skip
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    log_in("Editors")
    open_article_form(page)
    page.wait_for_load_state("networkidle")
    assert problems == []
