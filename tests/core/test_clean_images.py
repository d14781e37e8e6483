"""Every image — the media library's file field, which every hero image, photo and logo points
at — stores a clean copy: no EXIF (GPS, camera), XMP, comment or PNG text, and
nothing appended after the image; animations keep all their frames. Checked by reading the
stored file back."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from images.models import Image as Picture

pytestmark = pytest.mark.django_db
GPS = 0x8825
APPENDED = b"<html><script>alert(document.cookie)</script></html>"


def jpeg_with_gps_and_comment() -> bytes:
    image = Image.new("RGB", (64, 48), "#2c8c99")
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x0112] = 6  # Orientation: rotated; the stored copy is upright instead
    exif.get_ifd(GPS)[2] = (16.0, 26.0, 0.0)  # a home in Khon Kaen
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"taken at home")
    return buffer.getvalue() + APPENDED


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Somchai, 12 Mittraphap Road")
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), "#ffffff").save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (20, 20), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:],
                   duration=[100, 200, 300], loop=0, comment=b"made by someone")  # fmt: skip
    return buffer.getvalue() + APPENDED


def stored(field) -> bytes:
    field.open("rb")
    try:
        return field.read()
    finally:
        field.close()


def library(name: str, data: bytes) -> Picture:
    return Picture.objects.create(file=SimpleUploadedFile(name, data), alt_text="A workshop")


def test_a_jpeg_loses_its_gps_camera_comment_and_appended_html():
    image = library("photo.jpg", jpeg_with_gps_and_comment())
    data = stored(image.file)
    assert APPENDED not in data and b"taken at home" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif() and "comment" not in image.info
        assert image.size == (48, 64), "turned upright by its orientation, then forgotten"
    assert (image.width, image.height) == (48, 64), "the upright size is recorded"


def test_png_text_chunks_are_dropped():
    data = stored(library("p.png", png_with_text()).file)
    assert b"Mittraphap" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and "Author" not in image.info


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment_and_payload():
    data = stored(library("a.gif", animated_gif()).file)
    assert APPENDED not in data and b"made by someone" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "GIF" and image.n_frames == 3
        durations = []
        for frame in range(image.n_frames):
            image.seek(frame)
            durations.append(image.info.get("duration"))
        assert durations == [100, 200, 300]


def test_an_animated_webp_keeps_its_frames():
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="WEBP", save_all=True, append_images=frames[1:], duration=150)
    with Image.open(io.BytesIO(stored(library("a.webp", buffer.getvalue()).file))) as image:
        assert image.format == "WEBP" and image.n_frames == 2


def test_a_file_that_is_not_an_image_is_refused_on_any_save():
    with pytest.raises(ValidationError):
        library("p.jpg", b"<html>not an image</html>")


def test_an_unchanged_image_is_not_encoded_again():
    image = library("p.jpg", jpeg_with_gps_and_comment())
    name, data = image.file.name, stored(image.file)
    image.caption = "At the workshop"
    image.save()
    image.refresh_from_db()
    assert image.file.name == name and stored(image.file) == data


def test_a_cmyk_jpeg_is_stored_as_rgb_without_its_cmyk_profile():
    buffer = io.BytesIO()
    # A CMYK photo as print shops send them, carrying a colour profile for CMYK.
    Image.new("CMYK", (40, 30), (0, 80, 80, 0)).save(
        buffer, format="JPEG", icc_profile=b"not a profile this copy could be read with"
    )
    data = stored(library("print.jpg", buffer.getvalue()).file)
    with Image.open(io.BytesIO(data)) as image:
        assert image.mode == "RGB" and "icc_profile" not in image.info
