"""The editor's image upload makes a media library image: staff who may change content only,
CSRF-protected; every refusal is CKEditor's JSON error with the gate's message and leaves no
file behind; every accepted file is stored clean, checked by reading it back."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import post_save
from django.test import Client
from django.urls import reverse
from PIL import Image as Picture

from images import views
from images.models import Image
from mi_site.core import images as gate
from tests.core.test_clean_images import (
    APPENDED,
    animated_gif,
    jpeg_with_gps_and_comment,
    png_with_text,
)
from tests.core.test_images import SVG, png_bomb
from tests.factories import UserFactory
from tests.factories.images import image_bytes, image_file

URL = reverse("images:editor-upload")
pytestmark = pytest.mark.django_db


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def stored(url: str) -> bytes:
    assert url.startswith(settings.MEDIA_URL)
    return (Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)).read_bytes()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def corrupt_png() -> bytes:
    data = bytearray(image_bytes("PNG", size=(64, 64), color="#3a7"))
    data[data.index(b"IDAT") + 8] ^= 0xFF  # a flipped byte: the chunk's checksum fails
    return bytes(data)


def cmyk_jpeg() -> bytes:
    buffer = io.BytesIO()
    Picture.new("CMYK", (40, 30), (0, 80, 80, 0)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def editor(client, role_user):
    user = role_user("Editors")
    client.force_login(user)
    client.user = user
    return client


REFUSED = [
    ("bomb.png", lambda: png_bomb(8_000, 6_000), "8,000 by 6,000 pixels"),
    ("huge-bomb.png", lambda: png_bomb(20_000, 10_000), "larger than we can safely open"),
    ("cut.jpg", lambda: image_bytes("JPEG", size=(400, 300))[:2000], "damaged or incomplete"),
    ("broken.png", corrupt_png, "This PNG image is damaged or incomplete"),
    ("logo.svg", lambda: SVG, "SVG images are not accepted"),
    ("page.jpg", lambda: b"<html><script>alert(1)</script></html>", "not an image we can use"),
]


@pytest.mark.parametrize(
    ("name", "make", "message"), REFUSED, ids=[name for name, _m, _t in REFUSED]
)
def test_a_bad_file_is_refused_with_ckeditors_json_error_and_leaves_nothing(
    editor, name, make, message
):
    response = editor.post(URL, {"upload": upload(name, make())})
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert media_files() == [] and not Image.objects.exists()


def test_an_oversize_file_is_refused_with_the_limit(editor, monkeypatch):
    file = image_file("big.jpg", size=(200, 200))
    monkeypatch.setattr(gate, "MAX_BYTES", file.size - 1)
    response = editor.post(URL, {"upload": file})
    assert response.status_code == 400
    assert response.json()["error"]["message"].startswith("This file is ")
    assert "images may be at most" in response.json()["error"]["message"]
    assert media_files() == [] and not Image.objects.exists()


def accept(client, name: str, data: bytes) -> tuple[Image, bytes]:
    response = client.post(URL, {"upload": upload(name, data)})
    assert response.status_code == 200, response.content
    image = Image.objects.get()
    assert response.json() == {"url": image.url}
    return image, stored(image.url)


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("visit.jpg", image_bytes("JPEG", size=(60, 40)) + APPENDED, "JPEG"),
        ("visit.png", image_bytes("PNG", size=(60, 40)) + APPENDED, "PNG"),
        ("visit.gif", image_bytes("GIF", size=(60, 40)) + APPENDED, "GIF"),
    ],
    ids=["jpeg", "png", "gif"],
)
def test_html_appended_to_an_image_is_gone_from_the_stored_copy(editor, name, data, fmt):
    image, data = accept(editor, name, data)
    assert APPENDED not in data and b"<script" not in data
    with Picture.open(io.BytesIO(data)) as picture:
        assert picture.format == fmt and picture.size == (60, 40)
    assert (image.width, image.height) == (60, 40)


def test_the_upload_is_a_library_image_titled_after_the_file_by_its_uploader(editor):
    image, _data = accept(editor, "Field-visit_2024.jpg", image_bytes("JPEG"))
    assert image.title == "Field visit 2024"
    assert image.uploaded_by == editor.user
    assert image.alt_text == "" and not image.decorative
    assert image.file.name.startswith("images/") and "visit" not in image.file.name.lower()


def test_a_photo_with_gps_is_stored_upright_without_metadata(editor):
    _image, data = accept(editor, "phone.jpg", jpeg_with_gps_and_comment())
    assert APPENDED not in data and b"taken at home" not in data
    with Picture.open(io.BytesIO(data)) as picture:
        assert not picture.getexif() and "comment" not in picture.info
        assert picture.size == (48, 64), "turned upright by its orientation 6"


def test_png_text_chunks_are_gone(editor):
    _image, data = accept(editor, "chart.png", png_with_text())
    assert b"Mittraphap" not in data
    with Picture.open(io.BytesIO(data)) as picture:
        assert "Author" not in picture.info


def test_a_cmyk_jpeg_is_accepted_as_rgb(editor):
    _image, data = accept(editor, "print.jpg", cmyk_jpeg())
    with Picture.open(io.BytesIO(data)) as picture:
        assert picture.format == "JPEG" and picture.mode == "RGB"


def test_an_animated_gif_keeps_its_frames(editor):
    _image, data = accept(editor, "animation.gif", animated_gif())
    assert APPENDED not in data and b"made by someone" not in data
    with Picture.open(io.BytesIO(data)) as picture:
        assert picture.n_frames == 3


def test_a_save_that_fails_after_writing_the_file_removes_it(role_user):
    def fail(**kwargs):
        raise RuntimeError("the database went away")

    post_save.connect(fail, sender=Image, dispatch_uid="test-fail")
    try:
        with pytest.raises(RuntimeError):
            views._save(Image(file=image_file("a.jpg"), uploaded_by=role_user("Editors")))
    finally:
        post_save.disconnect(dispatch_uid="test-fail", sender=Image)
    assert media_files() == [] and not Image.objects.exists()


def test_anonymous_visitors_are_refused_with_json(client):
    response = client.post(URL, {"upload": image_file()})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "You do not have permission to upload images."
    assert media_files() == []


@pytest.mark.parametrize(
    "user_kwargs",
    [{"is_staff": True}, {"is_staff": False, "roles": ["Editors"]}, {"is_active": False}],
    ids=["staff-without-permission", "editor-not-staff", "inactive"],
)
def test_users_who_may_not_change_content_are_refused(client, user_kwargs):
    client.force_login(UserFactory(**user_kwargs))
    response = client.post(URL, {"upload": image_file()})
    assert response.status_code == 403
    assert "permission" in response.json()["error"]["message"]
    assert media_files() == [] and not Image.objects.exists()


def test_a_post_without_a_file_gets_a_readable_400(editor):
    response = editor.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "No file was received. Please try again."


def test_get_is_refused_with_json(editor):
    response = editor.get(URL)
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert response.json()["error"]["message"] == "Images are uploaded with POST."


def test_the_editor_posts_to_this_view():
    assert settings.CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME == "images:editor-upload"
    assert URL == "/editor/richtext/image/"  # the address CKEditor has always used


def test_csrf_is_enforced_and_the_editors_header_is_accepted(role_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(role_user("Editors"))

    refused = client.post(URL, {"upload": image_file()})
    assert refused.status_code == 403
    assert media_files() == [] and not Image.objects.exists()

    client.get(reverse("admin:index"))  # sets the CSRF cookie, as opening the editor does
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    accepted = client.post(URL, {"upload": image_file()}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    assert stored(accepted.json()["url"])


def test_the_same_picture_dropped_in_again_is_the_image_already_there(editor):
    data = jpeg_with_gps_and_comment()
    first = editor.post(URL, {"upload": upload("visit.jpg", data)}).json()
    again = editor.post(URL, {"upload": upload("visit (1).jpg", data)}).json()
    assert again == first and Image.objects.count() == 1
