"""The editor's image upload: staff who may change content only, CSRF-protected, validated,
stored under a new random name."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory
from tests.factories.images import image_file

URL = reverse("core:richtext-image-upload")
pytestmark = pytest.mark.django_db


def stored_path(url: str) -> Path:
    assert url.startswith(settings.MEDIA_URL)
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


def media_files() -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


@pytest.fixture
def editor_client(client, role_user):
    client.force_login(role_user("Editors"))
    return client


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
    assert media_files() == []


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_an_editor_uploads_an_image_under_a_random_name(client, role_user, fmt):
    user = role_user("Editors")
    assert user.has_perm("news.change_article")
    client.force_login(user)

    response = client.post(URL, {"upload": image_file("Minister-Visit.jpg", fmt=fmt)})

    assert response.status_code == 200
    url = response.json()["url"]
    path = stored_path(url)
    assert path.is_file()
    with Image.open(path) as image:
        image.verify()
        assert image.format == fmt
    assert "minister" not in url.lower()
    assert path.name != "Minister-Visit.jpg"
    assert url.startswith(f"{settings.MEDIA_URL}editor/")


def test_the_stored_copy_carries_no_location(editor_client):
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 0.0)}  # GPS position
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#005a8c").save(buffer, "JPEG", exif=exif)
    photo = SimpleUploadedFile("phone.jpg", buffer.getvalue(), content_type="image/jpeg")

    response = editor_client.post(URL, {"upload": photo})

    with Image.open(stored_path(response.json()["url"])) as image:
        assert not image.getexif()


def test_two_uploads_of_the_same_file_get_different_names(editor_client):
    first = editor_client.post(URL, {"upload": image_file("same.jpg")}).json()["url"]
    second = editor_client.post(URL, {"upload": image_file("same.jpg")}).json()["url"]
    assert first != second


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "SVG images are not"),
        (b"Just some text, not a picture.", "not an image we can use"),
    ],
    ids=["svg", "text"],
)
def test_a_file_that_is_not_a_usable_image_gets_a_readable_400(editor_client, content, message):
    upload = SimpleUploadedFile("picture.jpg", content, content_type="image/jpeg")
    response = editor_client.post(URL, {"upload": upload})
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert media_files() == []


def test_a_post_without_a_file_gets_a_readable_400(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "No file was received. Please try again."


def test_get_is_not_allowed(editor_client):
    assert editor_client.get(URL).status_code == 405


def test_csrf_is_enforced_and_the_editors_header_is_accepted(role_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(role_user("Editors"))

    refused = client.post(URL, {"upload": image_file()})
    assert refused.status_code == 403
    assert media_files() == []

    client.get(reverse("admin:index"))  # sets the CSRF cookie, as opening the editor does
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    accepted = client.post(URL, {"upload": image_file()}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    assert stored_path(accepted.json()["url"]).is_file()
