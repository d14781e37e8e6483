"""The media library in a real browser: an editor gives an article its hero image by uploading
it through the "+" pop-up and picking it, and a reader's phone downloads copies sized for it.

A 360 px phone at device pixel ratio 2 loads each page type with images; every picture it
downloads is WebP, at most 1.5 times as wide as it is shown in device pixels (or the smallest
copy, 320 px), every `<img>` says its width and height (no layout shift), and at most one
picture, the page's first, is fetched eagerly with high priority: the rest wait until the
reader scrolls to them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from news.models import Article
from tests.factories.images import image_bytes
from tests.site.content import build_site

PHONE = {"width": 360, "height": 740}
DPR = 2
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_uploads_a_hero_in_the_pop_up_and_the_article_shows_it(page, log_in):
    log_in("Editors")
    page.goto("/admin/news/article/add/")
    page.fill("#id_title", "Farmers field school in Savannakhet")
    with page.expect_popup() as opened:
        page.click("#add_id_hero_image")
    popup = opened.value
    popup.set_input_files(
        "#id_file",
        {"name": "IMG_2041.jpg", "mimeType": "image/jpeg",
         "buffer": image_bytes("JPEG", size=(1600, 900))},
    )  # fmt: skip
    popup.fill("#id_alt_text", "Farmers planting rice seedlings")
    try:
        with popup.expect_event("close", timeout=30_000):  # registered before the click
            popup.click("input[name=_save]")
    except PlaywrightTimeout:  # say what the pop-up shows instead of closing
        errors = (
            [] if popup.is_closed() else popup.locator(".errorlist, .errornote").all_inner_texts()
        )
        pytest.fail(f"the pop-up did not close: {errors or popup.url}")
    chosen = page.input_value("#id_hero_image")
    assert chosen.isdigit()
    page.wait_for_selector(".image-chooser__preview[src*='/media/images/']:not([hidden])")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")

    article = Article.objects.get(title="Farmers field school in Savannakhet")
    image = article.hero_image
    assert (image.pk, image.width, image.height) == (int(chosen), 1600, 900)
    assert (
        image.title == "IMG 2041" and article.placed_hero.alt == "Farmers planting rice seedlings"
    )
    # Made after the save committed: 320 to 1280 wide (1920 would be wider than the original).
    assert [w for w, _h in image.renditions["sizes"]["wide"]] == [320, 640, 960, 1280]


def test_an_editor_picks_an_image_already_in_the_library(page, log_in):
    from images.models import Image

    Image.objects.create(
        file=SimpleUploadedFile("market.jpg", image_bytes("JPEG", size=(400, 300))),
        title="Border market in Mae Sot", alt_text="Traders at the border market",
    )  # fmt: skip
    wanted = Image.objects.create(
        file=SimpleUploadedFile("school.jpg", image_bytes("JPEG", size=(400, 300))),
        title="Farmers field school", alt_text="Farmers at a field school",
    )  # fmt: skip
    log_in("Editors")
    page.goto("/admin/news/article/add/")
    page.fill("#id_title", "A season at the field school")
    with page.expect_popup() as opened:
        page.click("#lookup_id_hero_image")
    library = opened.value
    library.fill("#searchbar", "field school")
    library.press("#searchbar", "Enter")
    library.wait_for_selector("#result_list img")  # each row previews its image
    assert library.locator("#result_list tbody tr").count() == 1
    with library.expect_event("close"):
        library.click("#result_list tbody tr th a")
    assert page.input_value("#id_hero_image") == str(wanted.pk)
    # The chooser shows the picked image and its title at once, before the form is saved.
    chooser = page.locator(".image-chooser")
    page.wait_for_function(
        "url => document.querySelector('.image-chooser__preview').src.endsWith(url)",
        arg=wanted.url,
    )
    assert chooser.locator("strong").inner_text() == "Farmers field school"
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/news/article/")
    article = Article.objects.get(title="A season at the field school")
    assert article.hero_image == wanted and article.placed_hero.alt == "Farmers at a field school"


def test_clicking_the_subject_sets_the_focal_point_without_a_csp_violation(page, log_in):
    from images.models import Image

    from .test_csp import watch

    violations = watch(page.context)
    image = Image.objects.create(
        file=SimpleUploadedFile("visit.jpg", image_bytes("JPEG", size=(800, 400))),
        alt_text="Farmers at a field school",
    )
    log_in("Editors")
    page.goto(f"/admin/images/image/{image.pk}/change/")
    preview = page.locator("img.image-preview")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.75, "y": box["height"] * 0.25})
    assert (page.input_value("#id_focal_x"), page.input_value("#id_focal_y")) == ("75", "25")
    dot = page.locator(".focal-picker__dot").bounding_box()
    assert abs(dot["x"] + dot["width"] / 2 - (box["x"] + box["width"] * 0.75)) < 3
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/images/image/")
    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (75, 25)
    assert violations == [], "\n".join(violations)


def downloaded_images(context, url: str) -> tuple[list[dict], list[dict]]:
    """The pictures a phone downloaded for `url` (after scrolling to the end), and what the
    page's `<img>` elements say about themselves."""
    tab = context.new_page()
    pictures = []

    def keep(response):
        if response.request.resource_type == "image" and response.status == 200:
            pictures.append({"url": response.url, "body": response.body(),
                             "type": response.headers.get("content-type", "")})  # fmt: skip

    tab.on("response", keep)
    tab.goto(url, wait_until="networkidle")
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    tab.wait_for_load_state("networkidle")
    tab.wait_for_timeout(300)
    images = tab.eval_on_selector_all(
        "main img",
        """imgs => imgs.map(img => ({
            src: img.currentSrc, shown: img.getBoundingClientRect().width,
            width: img.getAttribute('width'), height: img.getAttribute('height'),
            loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'),
        }))""",
    )
    tab.close()
    return pictures, images


@pytest.mark.parametrize("name", ["home", "article", "person", "program", "partner", "page"])
def test_a_phone_downloads_webp_copies_sized_for_it(browser, live_server, name):
    site = build_site()
    paths = {
        "home": "/", "article": site.article.get_absolute_url(),
        "person": site.people[1].get_absolute_url(), "program": site.programs[0].get_absolute_url(),
        "partner": site.partners[0].get_absolute_url(), "page": site.pages[0].get_absolute_url(),
    }  # fmt: skip
    context = browser.new_context(viewport=PHONE, device_scale_factor=DPR, is_mobile=True)
    try:
        pictures, images = downloaded_images(context, live_server.url + paths[name])
    finally:
        context.close()

    assert images, f"{name}: no image to check"
    shown = {image["src"]: image for image in images}
    problems = []
    for picture in pictures:
        if "/static/" in picture["url"]:
            continue
        with Picture.open(io.BytesIO(picture["body"])) as decoded:
            width = decoded.size[0]
        element = shown.get(picture["url"])
        if picture["type"] != "image/webp":
            problems.append(f"{picture['url']}: {picture['type']}, not WebP")
        if element and element["shown"] and width > max(320, 1.5 * element["shown"] * DPR):
            problems.append(f"{picture['url']}: {width} px for {element['shown']:.0f} css px")
    for image in images:
        if not (image["width"] and image["height"]):
            problems.append(f"{image['src']}: no width and height")
    eager = [image for image in images if image["loading"] != "lazy"]
    if eager and (eager != images[:1] or eager[0]["priority"] != "high"):
        problems.append(f"fetched eagerly, not as the page's first picture: {eager}")
    if name != "partner" and not eager:  # a hero, the featured story or a portrait leads
        problems.append("the page's leading picture waits to be scrolled to")
    assert problems == [], f"{name}: " + "\n".join(problems)
