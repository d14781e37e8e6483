"""The media library in the admin: the upload path every content form opens with "+", the
chooser on each content form, where an image is used, and why an image in use stays.

The upload corpus of the editor's endpoint (test_editor_upload.py) goes through the library's
own form here: refused files say why and leave no file; accepted ones are read back clean."""

import io

import pytest
from django.urls import reverse
from PIL import Image as Picture

from images.models import Image
from tests.admin.formdata import form_data
from tests.core.test_clean_images import APPENDED, GPS, animated_gif, jpeg_with_gps_and_comment
from tests.factories import ArticleFactory, PartnerFactory
from tests.factories.images import image_bytes, library_image

from .test_editor_upload import REFUSED, cmyk_jpeg, media_files, upload

ADD = reverse("admin:images_image_add")
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, role_user):
    client.force_login(role_user("Editors"))
    return client


def post_image(client, name: str, data: bytes, **fields):
    page = form_data(client.get(ADD), title="Field visit", alt_text="Farmers at a field school",
                     **fields)  # fmt: skip
    page["file"] = upload(name, data)
    return client.post(ADD, page)


@pytest.mark.parametrize(("name", "make", "message"), REFUSED, ids=[n for n, _m, _t in REFUSED])
def test_a_bad_file_is_refused_on_the_library_form_and_leaves_nothing(editor, name, make, message):
    response = post_image(editor, name, make())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists() and media_files() == []


@pytest.mark.parametrize(
    ("name", "make", "size"),
    [("gps.jpg", jpeg_with_gps_and_comment, (48, 64)), ("cmyk.jpg", cmyk_jpeg, (40, 30)),
     ("moving.gif", animated_gif, (20, 20))],
    ids=["gps-orientation-6", "cmyk", "animated-gif"],
)  # fmt: skip
def test_an_accepted_file_is_stored_clean_upright_and_sized(editor, name, make, size):
    response = post_image(editor, name, make())
    assert response.status_code == 302, response.context["adminform"].form.errors
    image = Image.objects.get()
    with image.file.open("rb") as handle:
        data = handle.read()
    assert APPENDED not in data and b"taken at home" not in data and b"made by someone" not in data
    with Picture.open(io.BytesIO(data)) as picture:
        assert GPS not in picture.getexif() and picture.size == size
    assert (image.width, image.height) == size and image.title == "Field visit"


def test_a_content_form_shows_the_chosen_image_and_offers_the_library(editor):
    image = library_image(alt_text="Officials at the workshop")
    article = ArticleFactory(hero_image=image)
    page = editor.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert f'class="image-chooser__preview" src="{image.url}"' in page
    assert f"{reverse('admin:images_image_changelist')}?_to_field=id" in page  # the magnifier
    assert 'id="add_id_hero_image"' in page  # "+": upload a new one in a pop-up


def test_the_library_page_says_where_an_image_is_used(editor):
    image = library_image(alt_text="Officials at the workshop")
    article = ArticleFactory(title="Workshop on food safety", hero_image=image)
    partner = PartnerFactory(name="TICA", logo=image)
    written = ArticleFactory(
        title="Rice in Laos", body=f'<p><img src="{image.url}" alt="Rice fields"></p>'
    )
    page = editor.get(reverse("admin:images_image_change", args=[image.pk])).content.decode()
    for item in (article, partner, written):
        assert reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change",
                       args=[item.pk]) in page  # fmt: skip
    assert "(article, hero image)" in page and "(article, body)" in page


def test_an_image_in_use_is_not_deleted_and_the_page_says_where(
    client, role_user, django_capture_on_commit_callbacks
):
    client.force_login(role_user("Publishers"))
    used = library_image(alt_text="Officials at the workshop")
    ArticleFactory(title="Workshop on food safety", hero_image=used)
    in_text = library_image(alt_text="Rice fields")
    ArticleFactory(title="Rice in Laos", body=f'<p><img src="{in_text.url}" alt="Rice"></p>')
    for image, title in ((used, "Workshop on food safety"), (in_text, "Rice in Laos")):
        url = reverse("admin:images_image_delete", args=[image.pk])
        page = client.get(url).content.decode()
        assert "would require deleting the following protected related objects" in page
        assert title in page
        client.post(url, {"post": "yes"})
        assert Image.objects.filter(pk=image.pk).exists()
    unused = library_image()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("admin:images_image_delete", args=[unused.pk]), {"post": "yes"})
    assert not Image.objects.filter(pk=unused.pk).exists()
    assert not unused.file.storage.exists(unused.file.name), "its file goes with it"
    assert used.file.storage.exists(used.file.name)


def test_the_same_picture_uploaded_again_is_refused_naming_the_one_there(editor):
    data = jpeg_with_gps_and_comment()
    assert post_image(editor, "visit.jpg", data).status_code == 302
    first = Image.objects.get()
    response = post_image(editor, "visit-again.jpg", data)
    assert response.status_code == 200
    assert (
        f"This picture is already in the media library as \u201cField visit\u201d (image "
        f"{first.pk}): pick that one" in response.content.decode()
    )
    assert Image.objects.count() == 1 and len(media_files()) == 1
    other = post_image(editor, "another.jpg", image_bytes("JPEG", size=(60, 40)))
    assert other.status_code == 302 and Image.objects.count() == 2


def test_a_chooser_reads_what_to_show_of_a_picked_image(editor, client, role_user):
    image = library_image("school.jpg", alt_text="Farmers at a field school")
    url = reverse("admin:images_image_chosen", args=[image.pk])
    assert editor.get(url).json() == {
        "title": "school",
        "url": image.url,
        "change_url": reverse("admin:images_image_change", args=[image.pk]),
    }
    assert editor.get(reverse("admin:images_image_chosen", args=[image.pk + 1])).status_code == 404
    client.force_login(role_user("Site administrators"))  # no library permission
    assert client.get(url).status_code in (403, 404)
