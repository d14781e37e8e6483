"""validate_image(): the one gate for every image, with a message that names the problem."""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from images.models import Image as Picture
from mi_site.core import images
from mi_site.core.images import ImageFormField, clean_copy, validate_image
from news.models import Article
from tests.factories.images import image_bytes, image_file

SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_image(file)
    return caught.value


def png_bomb(width: int, height: int) -> bytes:
    """A valid one-bit PNG of `width` x `height` black pixels: a few hundred kilobytes on disk,
    gigabytes once decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fmt", "extension"), [("JPEG", ".jpg"), ("PNG", ".png"), ("WEBP", ".webp"), ("GIF", ".gif")]
)
def test_accepts_jpeg_png_webp_and_gif(fmt, extension):
    file = image_file(f"photo{extension}", fmt=fmt)
    assert validate_image(file) == extension
    assert file.tell() == 0  # left ready for storage to read from the start


def test_accepts_a_jpeg_whatever_its_name_says():
    assert validate_image(image_file("photo.png", fmt="JPEG")) == ".jpg"


@pytest.mark.parametrize("name", ["logo.svg", "logo.jpg", "logo"])
def test_refuses_svg_and_says_so(name):
    error = refusal(upload(name, SVG))
    assert error.code == "svg"
    assert "SVG images are not accepted" in error.messages[0]


def test_refuses_a_text_file_renamed_jpg():
    error = refusal(upload("notes.jpg", b"Minutes of the meeting, 5 January.\n" * 20))
    assert error.code == "not_an_image"
    assert "not an image" in error.messages[0]


def test_refuses_an_html_file_renamed_gif():
    error = refusal(upload("x.gif", b"<html><script>alert(1)</script></html>"))
    assert error.code == "not_an_image"


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_refuses_a_truncated_image(fmt):
    data = image_bytes(fmt, size=(400, 300), color="#3a7")
    error = refusal(upload("cut.jpg", data[: len(data) * 2 // 3]))
    assert error.code == "damaged"
    assert error.messages[0].startswith(f"This {fmt} image is damaged or incomplete")


def test_refuses_a_truncated_webp():
    # Pillow decodes a WebP as it opens it, so a cut one does not even open.
    data = image_bytes("WEBP", size=(400, 300), color="#3a7")
    assert refusal(upload("cut.webp", data[: len(data) * 2 // 3])).code == "not_an_image"


@pytest.mark.parametrize(("fmt", "name"), [("TIFF", "TIFF"), ("BMP", "BMP"), ("ICO", "ICO")])
def test_refuses_other_formats_by_name(fmt, name):
    error = refusal(upload("scan.jpg", image_bytes(fmt, size=(32, 32))))
    assert error.code == "bad_format"
    assert error.messages[0].startswith(f"{name} images are not accepted")
    assert "JPEG, PNG, WebP or GIF" in error.messages[0]


def test_refuses_a_file_over_the_size_limit(monkeypatch):
    file = image_file("big.jpg", size=(200, 200))
    monkeypatch.setattr(images, "MAX_BYTES", file.size - 1)
    error = refusal(file)
    assert error.code == "too_large"
    assert re.fullmatch(r"This file is .+; images may be at most .+\.", error.messages[0])


def test_accepts_a_file_exactly_at_the_size_limit(monkeypatch):
    file = image_file("big.jpg", size=(200, 200))
    monkeypatch.setattr(images, "MAX_BYTES", file.size)
    assert validate_image(file) == ".jpg"


def test_refuses_an_image_over_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 40 * 30 - 1)
    error = refusal(image_file("wide.jpg", size=(40, 30)))
    assert error.code == "too_many_pixels"
    assert error.messages[0].startswith("This image is 40 by 30 pixels; images may have at most")


def test_refuses_a_bomb_over_our_limit_before_decoding_it():
    # 8,000 x 6,000 = 48 megapixels: under Pillow's own limit, over ours.
    error = refusal(upload("bomb.png", png_bomb(8_000, 6_000)))
    assert error.code == "too_many_pixels"
    assert "8,000 by 6,000 pixels" in error.messages[0]


def test_refuses_a_bomb_that_pillow_itself_will_not_open(monkeypatch):
    # 20,000 x 10,000 = 200 megapixels, over twice Image.MAX_IMAGE_PIXELS: Image.open raises
    # DecompressionBombError. Even with our limit lifted, the answer is a clear refusal.
    bomb = png_bomb(20_000, 10_000)
    assert len(bomb) < 1_000_000
    assert Image.MAX_IMAGE_PIXELS * 2 < 20_000 * 10_000
    monkeypatch.setattr(images, "MAX_PIXELS", 10**12)
    error = refusal(upload("bomb.png", bomb))
    assert error.code == "too_many_pixels"
    assert "larger than we can safely open" in error.messages[0]


def test_clean_copy_drops_metadata_and_turns_the_photo_upright():
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    exif[0x8825] = {1: "N", 2: (13.0, 45.0, 0.0)}  # GPS position
    exif[0x010F] = "PhoneMaker"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 20), "#005a8c").save(buffer, "JPEG", exif=exif)
    original = upload("camera.jpg", buffer.getvalue())
    with Image.open(original) as image:
        assert image.getexif()[0x0112] == 6

    copy = clean_copy(original, "JPEG")

    with Image.open(copy) as image:
        assert image.format == "JPEG"
        assert image.size == (20, 60)
        assert not image.getexif()
        assert "exif" not in image.info


def test_the_form_field_gives_our_message_not_djangos_generic_one():
    field = ImageFormField()
    with pytest.raises(ValidationError) as caught:
        field.clean(upload("logo.jpg", SVG))
    assert caught.value.messages == [
        "SVG images are not accepted: they can carry scripts. Use a JPEG, PNG, WebP or GIF image."
    ]
    assert field.clean(image_file("photo.png", fmt="PNG")).name == "photo.png"


@pytest.mark.django_db
def test_a_library_image_with_a_bad_file_fails_full_clean_on_that_field():
    picture = Picture(title="Workshop", file=upload("hero.jpg", SVG), alt_text="Participants")
    with pytest.raises(ValidationError) as caught:
        picture.full_clean()
    assert list(caught.value.message_dict) == ["file"]
    assert "SVG images are not accepted" in caught.value.message_dict["file"][0]


@pytest.mark.django_db
def test_stored_images_get_a_random_name():
    names = set()
    for _ in range(2):
        picture = Picture(alt_text="Participants")
        picture.file = image_file("Secret Holiday Photo.jpg")
        picture.full_clean()
        picture.save()
        names.add(picture.file.name)
        assert re.fullmatch(r"images/\d{4}/[0-9a-f]{32}\.jpg", picture.file.name)
        assert "secret" not in picture.file.name.lower()
        assert picture.file.storage.exists(picture.file.name)
        assert picture.title == "Secret Holiday Photo"  # for the library's search only
    assert len(names) == 2


@pytest.mark.django_db
def test_an_unchanged_stored_image_is_not_checked_again(monkeypatch):
    article = Article(title="Workshop", hero_alt="Participants")
    article.hero_image = Picture.objects.create(file=image_file("hero.jpg"))
    article.save()
    article.refresh_from_db()
    # Stored files were checked on their way in; lowering the limit now must not make an
    # unrelated edit fail (nor decode the image again on every save).
    monkeypatch.setattr(images, "MAX_BYTES", 1)
    article.title = "Workshop, renamed"
    article.full_clean()
