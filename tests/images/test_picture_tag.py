"""`{% picture %}`: srcset in both formats, sizes, the crop's width and height, lazy or first
priority, escaped alternative text; the original when there are no renditions; and rendering
never queries, never touches the storage and never makes a rendition."""

import re

import pytest
from django.core.files.storage import FileSystemStorage
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from images import renditions
from images.blocks import Placed
from images.markup import picture
from images.models import SHOWN_FIELDS, Image

from .samples import stored_files, upload

SOURCE = "images/2026/ab12.jpg"
RECORD = {
    "source": SOURCE,
    "sizes": {
        "full": [[320, 213], [640, 427], [960, 640], [1280, 853], [1920, 1280]],
        "wide": [[320, 180], [640, 360], [960, 540], [1280, 720], [1920, 1080]],
        "square": [[320, 320], [640, 640], [960, 960], [1280, 1280]],
    },
    "formats": ["webp", "jpg"],
}


def library_image(**fields) -> Image:
    """An image as a page has it loaded: nothing here touches the database or the storage."""
    values = {"file": SOURCE, "width": 1920, "height": 1280, "alt_text": "Farmers at work",
              "renditions": RECORD}  # fmt: skip
    return Image(**(values | fields))


def render(source: str, **context) -> str:
    return Template("{% load pictures %}" + source).render(Context(context))


def srcset(crop: str, ext: str, widths) -> str:
    return ", ".join(f"/media/renditions/images/2026/ab12-{crop}-{w}.{ext} {w}w" for w in widths)


def test_the_whole_picture():
    html = render(
        '{% picture image crop="wide" sizes="(min-width: 60rem) 60rem, 100vw" class="hero" %}',
        image=library_image(),
    )
    sizes = "(min-width: 60rem) 60rem, 100vw"
    widths = (320, 640, 960, 1280, 1920)
    assert html == (
        f'<picture><source type="image/webp" srcset="{srcset("wide", "webp", widths)}" '
        f'sizes="{sizes}">'
        f'<img src="/media/renditions/images/2026/ab12-wide-1280.jpg" '
        f'srcset="{srcset("wide", "jpg", widths)}" sizes="{sizes}" width="1280" height="720" '
        f'alt="Farmers at work" loading="lazy" decoding="async" class="hero"></picture>'
    )


def test_priority_replaces_lazy_loading():
    html = render("{% picture image priority=True %}", image=library_image())
    assert 'fetchpriority="high"' in html
    assert "loading=" not in html
    assert 'decoding="async"' in html


@pytest.mark.parametrize(
    "crop,size",
    [("full", (1280, 853)), ("wide", (1280, 720)), ("square", (1280, 1280))],
)
def test_width_and_height_give_the_crop_proportions(crop, size):
    html = picture(library_image(), crop=crop)
    assert f'width="{size[0]}" height="{size[1]}"' in html
    assert f"ab12-{crop}-1280.jpg " in html


def test_the_fallback_src_is_the_largest_up_to_1280_and_srcset_runs_small_to_large():
    record = {**RECORD, "sizes": {"full": [[320, 240], [640, 480], [960, 720]]}}
    html = str(picture(library_image(renditions=record)))
    assert 'src="/media/renditions/images/2026/ab12-full-960.jpg"' in html
    found = [int(w) for w in re.findall(r" (\d+)w", html)]
    assert found == [320, 640, 960, 320, 640, 960]  # the WebP source, then the <img>
    assert 'sizes="100vw"' in html


def test_a_webp_original_is_one_img():
    record = {"source": "images/2026/ab12.webp", "sizes": {"full": [[320, 200]]},
              "formats": ["webp"]}  # fmt: skip
    html = str(picture(library_image(file="images/2026/ab12.webp", renditions=record)))
    assert html.startswith("<img ") and "<picture>" not in html
    assert 'src="/media/renditions/images/2026/ab12-full-320.webp"' in html


@pytest.mark.parametrize(
    "alt",
    [
        'He said "no" & left <script>alert(1)</script>',
        "ชาวนาในจังหวัดขอนแก่น",  # Thai
        "မြန်မာနိုင်ငံရှိ လယ်သမားများ",  # Burmese
    ],
)
def test_alternative_text_is_escaped_and_kept_whole(alt):
    html = render("{% picture image %}", image=library_image(alt_text=alt))
    escaped = alt.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    escaped = escaped.replace(">", "&gt;")
    assert f'alt="{escaped}"' in html
    assert "<script>" not in html


def test_every_attribute_is_escaped():
    html = str(picture(library_image(), sizes='100vw" onload="x()', css_class='"><b>'))
    assert 'onload="' not in html
    assert "<b>" not in html


def test_alternative_text_of_a_placed_image_a_decorative_one_and_an_override():
    image = library_image()
    placed = Placed(image=image, alt="Portrait of Somchai", caption="", credit="")
    assert 'alt="Portrait of Somchai"' in picture(placed)
    assert 'alt=""' in picture(Placed(image=image, alt="", caption="", credit=""))
    assert 'alt=""' in picture(library_image(alt_text="", decorative=True))
    assert 'alt="MI logo"' in render('{% picture image alt="MI logo" %}', image=image)


def test_nothing_renders_nothing():
    assert render("{% picture image %}", image=None) == ""
    assert render("{% picture missing %}") == ""


def test_an_unknown_option_says_which():
    with pytest.raises(TemplateSyntaxError, match="no option loading"):
        render('{% picture image loading="eager" %}', image=library_image())


def test_without_renditions_the_original_is_shown_with_its_size():
    for record in ({}, {**RECORD, "source": "images/2020/replaced.jpg"}):
        image = library_image(renditions=record)
        html = str(picture(image, crop="wide", css_class="card__image"))
        assert html == (
            '<img src="/media/images/2026/ab12.jpg" width="1920" height="1280" '
            'alt="Farmers at work" loading="lazy" decoding="async" class="card__image">'
        )


def test_rendering_touches_no_storage(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("the storage was asked while rendering")

    for method in ("open", "exists", "save", "size", "delete", "listdir"):
        monkeypatch.setattr(FileSystemStorage, method, forbidden)
    assert "<picture>" in picture(library_image(), crop="square")
    assert "<img" in picture(library_image(renditions={}))


@pytest.mark.django_db
def test_rendering_from_the_database_makes_no_query(new_image, django_assert_num_queries):
    image = Image.objects.only(*SHOWN_FIELDS).get(pk=new_image().pk)  # as lists load it
    placed = Placed(image=image, alt="A field visit", caption="", credit="")
    template = Template(
        '{% load pictures %}{% picture image crop="wide" %}{% picture placed crop="square" %}'
    )
    with django_assert_num_queries(0):
        html = template.render(Context({"image": image, "placed": placed}))
    assert html.count("<picture>") == 2


@pytest.mark.django_db
def test_a_public_request_shows_the_original_and_makes_no_rendition(
    settings, django_capture_on_commit_callbacks
):
    """An image whose renditions are not made yet (the save's callback has not run) is
    shown as its original, and a reader's request makes none: no file, no record, nothing
    scheduled."""
    with django_capture_on_commit_callbacks(execute=False):
        image = Image.objects.create(file=upload(size=(1600, 900)), alt_text="A field visit")
    image = Image.objects.get(pk=image.pk)
    request = RequestFactory().get("/news/a-story/")
    template = Template('{% load pictures %}{% picture image crop="wide" priority=True %}')

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        html = template.render(Context({"image": image, "request": request}))

    assert html == (
        f'<img src="{image.file.url}" width="1600" height="900" alt="A field visit" '
        f'fetchpriority="high" decoding="async">'
    )
    assert callbacks == []
    assert stored_files(settings) == set()
    image.refresh_from_db()
    assert image.renditions == {}
    assert renditions.current(image) is None


@pytest.mark.django_db
def test_an_article_page_shows_the_original_and_makes_no_rendition(
    client, settings, django_capture_on_commit_callbacks
):
    """The issue's check through a real public GET: the hero has no renditions yet."""
    from tests.factories import ArticleFactory

    with django_capture_on_commit_callbacks(execute=False):
        image = Image.objects.create(file=upload(size=(1600, 900)), alt_text="A field visit")
    article = ArticleFactory(hero_image=image)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    assert (
        f'<img src="{image.file.url}" width="1600" height="900" alt="A field visit" '
        f'fetchpriority="high" decoding="async">'
    ) in response.text
    assert callbacks == []
    assert stored_files(settings) == set()
    image.refresh_from_db()
    assert image.renditions == {}
