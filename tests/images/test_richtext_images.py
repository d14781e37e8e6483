"""Library images in rich text: a stable `data-image` reference on every write, renditions with
`srcset` on the page in one query, and the alternative-text rule naming the image."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from images import richtext
from images.models import Image
from mi_site.core.publishing import Status
from mi_site.core.richtext import clean_rich_text, sanitize_html
from news.models import Article
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, DepartmentFactory, PageFactory, ProgramFactory
from tests.factories.images import image_file

pytestmark = pytest.mark.django_db


def library(title="field visit 2024", **kwargs) -> Image:
    image = Image.objects.create(file=image_file("visit.jpg", size=(64, 48)), title=title, **kwargs)
    image.refresh_from_db()
    return image


def figure(src: str, alt: str = "Officials in Mae Sot", extra: str = "") -> str:
    alt_attr = f' alt="{alt}"' if alt is not None else ""
    return f'<figure class="image"><img{extra} src="{src}"{alt_attr}></figure>'


def test_the_sanitiser_keeps_data_image_on_img_only_as_digits():
    assert sanitize_html('<img src="/a.jpg" data-image="12">') == (
        '<img src="/a.jpg" data-image="12">'
    )
    for bad in ["12x", "-1", "\u0661\u0662", "", "1 2"]:
        assert "data-image" not in sanitize_html(f'<img src="/a.jpg" data-image="{bad}">'), bad
    assert "data-image" not in sanitize_html('<p data-image="12">Text</p>')


# --- The reference, on every write ---------------------------------------------------------


def test_saving_marks_a_library_image_and_keeps_its_address():
    image = library()
    article = ArticleFactory(body=figure(image.url))
    article.refresh_from_db()
    assert article.body == figure(image.url, extra=f' data-image="{image.pk}"')
    article.save()  # a second save (the editor drops the attribute, the src stays) changes nothing
    article.refresh_from_db()
    assert article.body == figure(image.url, extra=f' data-image="{image.pk}"')
    assert clean_rich_text(article.body) == article.body


def test_every_write_path_adds_the_reference():
    image = library()
    marked = figure(image.url, extra=f' data-image="{image.pk}"')
    department = DepartmentFactory()
    built = ArticleFactory.build(body=figure(image.url), department=department)
    created = Article.objects.bulk_create([built])[0]
    updated = ArticleFactory()
    Article.objects.filter(pk=updated.pk).update(body=figure(image.url))
    stored = dict(Article.objects.values_list("pk", "body"))
    assert stored[updated.pk] == marked
    assert stored[created.pk] == marked


def test_an_unknown_or_stale_reference_is_dropped_and_an_outside_image_left_alone():
    image = library()
    gone = image.pk + 1000
    body = figure("https://example.org/map.png", extra=f' data-image="{image.pk}"')
    body += figure("/media/images/2020/none.jpg", extra=f' data-image="{gone}"')
    body += figure("https://example.org/photo.jpg")
    article = ArticleFactory(body=body)
    article.refresh_from_db()
    assert "data-image" not in article.body.replace(f'data-image="{image.pk}"', "")
    assert f'data-image="{gone}"' not in article.body
    assert figure("https://example.org/photo.jpg") in article.body


def test_a_reference_without_the_address_gets_the_library_address():
    image = library()
    article = ArticleFactory(body=f'<p><img data-image="{image.pk}" alt="A map"></p>')
    article.refresh_from_db()
    assert article.body == f'<p><img data-image="{image.pk}" src="{image.url}" alt="A map"></p>'


def test_a_rendition_address_becomes_the_original_with_its_reference(new_image):
    image = new_image()
    rendition = image.file.storage.url(
        f"renditions/{image.file.name.rsplit('.', 1)[0]}-full-640.webp"
    )
    assert rendition.endswith("-full-640.webp")
    article = ArticleFactory(body=figure(rendition))
    article.refresh_from_db()
    assert article.body == figure(image.url, extra=f' data-image="{image.pk}"')


def test_a_body_without_images_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert richtext.add_references("<p>No pictures.</p>") == "<p>No pictures.</p>"


def test_finding_references_is_one_query_however_many_images(django_assert_num_queries):
    images = [library(f"photo {i}") for i in range(6)]
    body = "".join(figure(image.url) for image in images)
    with django_assert_num_queries(1):
        referenced = richtext.add_references(body)
    assert all(f'data-image="{image.pk}"' in referenced for image in images)


def test_a_save_cleans_the_body_once():
    image = library()
    article = ArticleFactory(title="Field visit")
    article.body = figure(image.url)
    with CaptureQueriesContext(connection) as queries:
        article.save(update_fields=["body"])
    # pre_save's clean value is stored as it is, not cleaned (and looked up) again by
    # get_db_prep_save: the body's images are read once.
    assert sum('"images_image"' in query["sql"] for query in queries) == 1
    assert f'data-image="{image.pk}"' in Article.objects.get(pk=article.pk).body


# --- On the page ---------------------------------------------------------------------------


def test_a_body_image_is_served_as_renditions_with_srcset(new_image):
    image = new_image()
    body = clean_rich_text(figure(image.url, alt="Officials in Mae Sot"))
    html = richtext.with_renditions(body)
    assert "<picture>" in html and 'type="image/webp"' in html
    assert "srcset=" in html and "-full-320.webp 320w" in html
    assert 'sizes="(min-width: 48rem) 44rem, 100vw"' in html
    assert 'loading="lazy"' in html and "fetchpriority" not in html
    assert 'alt="Officials in Mae Sot"' in html
    assert html.startswith('<figure class="image"><picture>') and html.endswith("</figure>")


@pytest.mark.parametrize(
    ("given", "library_alt", "decorative", "shown"),
    [
        ("Officials in Mae Sot", "A workshop", False, "Officials in Mae Sot"),
        (None, "A workshop", False, "A workshop"),
        (None, "", True, ""),
    ],
    ids=["the-editors", "the-librarys", "decorative"],
)
def test_the_alternative_text_shown(given, library_alt, decorative, shown):
    image = library(alt_text=library_alt, decorative=decorative)
    html = richtext.with_renditions(clean_rich_text(figure(image.url, alt=given)))
    assert "<img" in html and f'alt="{shown}"' in html
    assert 'loading="lazy"' in html and f'width="{image.width}"' in html


def test_rendering_reads_all_the_body_images_in_one_query(django_assert_num_queries):
    for count in (1, 8):
        images = [library(f"photo {i}", alt_text="A workshop") for i in range(count)]
        body = clean_rich_text("".join(figure(image.url) for image in images))
        with django_assert_num_queries(1):
            html = str(richtext.with_renditions(body))
        assert html.count('loading="lazy"') == count


def test_an_image_outside_the_library_is_left_as_it_is():
    body = clean_rich_text(figure("https://example.org/photo.jpg"))
    assert richtext.with_renditions(body) == body


def test_the_article_page_serves_body_images_as_renditions(client, new_image):
    image = new_image()
    article = ArticleFactory(body=figure(image.url, alt="Officials in Mae Sot"))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "-full-640.webp 640w" in html
    assert f'src="{image.url}"' not in html  # the original is not sent


# --- The alternative-text rule -------------------------------------------------------------


def test_missing_alt_names_the_library_images_without_words():
    bare = library("field visit 2024")
    described = library("market", alt_text="Vendors at a market")
    decorative = library("border", decorative=True)
    body = (
        figure(bare.url, alt=None)
        + figure(bare.url, alt="")  # shown twice, named once
        + figure(described.url, alt=None)
        + figure(decorative.url, alt=None)
        + figure(bare.url, alt="Officials in Mae Sot")  # given words here: fine here
        + figure("https://example.org/chart.png", alt=None)
    )
    assert richtext.missing_alt(body) == ["field visit 2024", "chart.png"]


MESSAGE = (
    "The image \u201cfield visit 2024\u201d in the body has no alternative text: select it in "
    "the editor and give it a text alternative (the \u201cChange image text alternative\u201d "
    "button), or mark it decorative in the media library."
)


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory, PageFactory])
def test_an_item_with_a_body_image_without_words_does_not_validate(factory):
    image = library("field visit 2024")
    item = factory.build(body=figure(image.url, alt=None))
    with pytest.raises(ValidationError) as caught:
        item.clean()
    assert caught.value.message_dict["body"] == [MESSAGE]
    item.body = figure(image.url, alt="Officials in Mae Sot")
    try:
        item.clean()
    except ValidationError as error:
        assert "body" not in error.message_dict


def test_the_admin_refuses_the_article_naming_the_image_and_saves_it_once_described(
    client, role_user
):
    client.force_login(role_user("Editors"))
    image = library("field visit 2024")
    article = ArticleFactory(status=Status.DRAFT)  # an editor's change to a draft is saved
    url = reverse("admin:news_article_change", args=[article.pk])
    # What CKEditor posts: the address of the upload, no data-image, no alt.
    refused = client.post(url, form_data(client.get(url), body=figure(image.url, alt=None)))
    assert refused.status_code == 200
    assert MESSAGE in refused.content.decode().replace("&#x27;", "'")
    described = figure(image.url, alt="Officials in Mae Sot")
    saved = client.post(url, form_data(client.get(url), body=described))
    assert saved.status_code == 302, saved.context and saved.context["adminform"].form.errors
    article.refresh_from_db()
    assert f'data-image="{image.pk}"' in article.body


def test_a_migrations_historical_model_stores_the_allow_list_only():
    # An old migration may run before the library's table exists: no step reads it then.
    historical = MigrationExecutor(connection).loader.project_state().apps
    image = library()
    article = ArticleFactory()
    body = figure(image.url) + "<script>alert(1)</script>"
    historical.get_model("news", "Article").objects.filter(pk=article.pk).update(body=body)
    assert Article.objects.get(pk=article.pk).body == figure(image.url)
