"""Every image field stores a clean copy: no EXIF (GPS, camera), XMP, comment or PNG text, and
nothing appended after the image; animations keep all their frames. Checked by reading the
stored file back."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from tests.factories import ArticleFactory, PageFactory, PartnerFactory, PersonFactory

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


@pytest.mark.parametrize(
    "make,field",
    [
        (lambda f: ArticleFactory(hero_image=f, hero_alt="A workshop"), "hero_image"),
        (lambda f: PersonFactory(photo=f), "photo"),
        (lambda f: PartnerFactory(logo=f), "logo"),
        (lambda f: PageFactory(hero_image=f, hero_alt="The MI building"), "hero_image"),
    ],
    ids=["article", "person", "partner", "page"],
)
def test_a_jpeg_loses_its_gps_camera_comment_and_appended_html(make, field):
    item = make(SimpleUploadedFile("photo.jpg", jpeg_with_gps_and_comment()))
    data = stored(getattr(item, field))
    assert APPENDED not in data and b"taken at home" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert not image.getexif() and "comment" not in image.info
        assert image.size == (48, 64), "turned upright by its orientation, then forgotten"


def test_png_text_chunks_are_dropped():
    person = PersonFactory(photo=SimpleUploadedFile("p.png", png_with_text()))
    data = stored(person.photo)
    assert b"Mittraphap" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "PNG" and "Author" not in image.info


def test_an_animated_gif_keeps_its_frames_and_loses_its_comment_and_payload():
    article = ArticleFactory(hero_image=SimpleUploadedFile("a.gif", animated_gif()),
                             hero_alt="An animation")  # fmt: skip
    data = stored(article.hero_image)
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
    page = PageFactory(hero_image=SimpleUploadedFile("a.webp", buffer.getvalue()),
                       hero_alt="An animation")  # fmt: skip
    with Image.open(io.BytesIO(stored(page.hero_image))) as image:
        assert image.format == "WEBP" and image.n_frames == 2


def test_a_file_that_is_not_an_image_is_refused_on_any_save():
    with pytest.raises(ValidationError):
        PersonFactory(photo=SimpleUploadedFile("p.jpg", b"<html>not an image</html>"))


def test_an_unchanged_image_is_not_encoded_again():
    person = PersonFactory(photo=SimpleUploadedFile("p.jpg", jpeg_with_gps_and_comment()))
    name, data = person.photo.name, stored(person.photo)
    person.position = "Program Officer"
    person.save()
    person.refresh_from_db()
    assert person.photo.name == name and stored(person.photo) == data
