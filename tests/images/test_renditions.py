"""Renditions are made after the save commits, through the storage, in the right widths,
formats and crops; a replaced or deleted image leaves no copies behind; failures never break
the save. Checked by reading the stored files back with Pillow."""

import io
import logging

import pytest
from django.core.management import call_command
from PIL import Image as PILImage
from PIL import ImageCms

from images import renditions, signals
from images.models import Image

from .samples import GREEN, RED, WHITE, picture_bytes, read, stored_files, upload

pytestmark = pytest.mark.django_db


def close(pixel, colour, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def making_renditions(callbacks) -> list:
    """The on-commit callbacks that make renditions (others record a content change)."""
    return [c for c in callbacks if getattr(c, "func", None) is signals.make_renditions]


def test_renditions_are_made_after_the_transaction_commits(
    settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image = Image.objects.create(file=upload(), alt_text="A field visit")
        assert image.renditions == {}
    (making,) = making_renditions(callbacks)
    assert stored_files(settings) == set(), "nothing is made inside the transaction"

    making()

    image.refresh_from_db()
    assert renditions.current(image) == image.renditions
    assert image.renditions["source"] == image.file.name
    assert stored_files(settings) == set(renditions.names(image.renditions))


def test_a_save_that_keeps_the_file_makes_nothing(new_image, django_capture_on_commit_callbacks):
    image = new_image()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.caption = "A new caption"
        image.save()
    assert making_renditions(callbacks) == []  # (the content version still changes)


def test_widths_never_exceed_the_crop_and_one_is_always_made(new_image):
    big = new_image(size=(2400, 600)).renditions["sizes"]
    assert big["full"] == [[320, 80], [640, 160], [960, 240], [1280, 320], [1920, 480]]
    assert big["wide"] == [[320, 180], [640, 360], [960, 540]]  # the crop is 1067 wide
    assert big["square"] == [[320, 320]]  # the crop is 600 wide

    small = new_image(size=(200, 100)).renditions["sizes"]
    assert small == {"full": [[200, 100]], "wide": [[178, 100]], "square": [[100, 100]]}


def test_webp_and_jpeg_files_exist_and_decode_at_the_recorded_sizes(new_image):
    image = new_image(size=(2400, 600))
    record = image.renditions
    assert record["formats"] == ["webp", "jpg"]
    storage = image.file.storage
    for crop, sizes in record["sizes"].items():
        for width, height in sizes:
            webp = read(storage, renditions.name(image.file.name, crop, width, "webp"))
            jpeg = read(storage, renditions.name(image.file.name, crop, width, "jpg"))
            assert (webp.format, webp.size) == ("WEBP", (width, height))
            assert (jpeg.format, jpeg.size) == ("JPEG", (width, height))
            assert jpeg.info.get("progressive")


def test_wide_and_square_crops_keep_the_focal_point_in_the_middle(new_image):
    image = new_image(size=(2400, 600), focal=(75, 50))
    storage = image.file.storage
    for crop, ratio in (("wide", 16 / 9), ("square", 1.0)):
        for ext in ("webp", "jpg"):
            width, height = image.renditions["sizes"][crop][-1]
            picture = read(storage, renditions.name(image.file.name, crop, width, ext))
            picture = picture.convert("RGB")
            assert abs(width / height - ratio) < 0.01
            assert close(picture.getpixel((width // 2, height // 2)), RED), (crop, ext)
            # The green band on the far left of the original is cut away.
            assert close(picture.getpixel((1, height // 2)), WHITE), (crop, ext)
    full = read(storage, renditions.name(image.file.name, "full", 1920, "jpg"))
    assert close(full.getpixel((2, 240)), GREEN)
    assert close(full.getpixel((1440, 240)), RED)


def test_a_new_focal_point_cuts_the_crops_again_after_the_save_commits(
    new_image, django_capture_on_commit_callbacks
):
    image = new_image(size=(2400, 600), focal=(75, 50))
    storage = image.file.storage
    image.focal_x = 10  # the subject is on the left after all
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.save()
    assert image.renditions == {}, "pages show the original until the new crops exist"
    for callback in callbacks:
        callback()
    image.refresh_from_db()
    assert renditions.current(image) is not None
    width, height = image.renditions["sizes"]["wide"][-1]
    wide = read(storage, renditions.name(image.file.name, "wide", width, "jpg")).convert("RGB")
    assert close(wide.getpixel((1, height // 2)), GREEN), "the green band on the left is in"
    assert not close(wide.getpixel((width // 2, height // 2)), RED)


@pytest.mark.parametrize(
    "focal,box",
    [
        ((75, 50), (1266.67, 0, 2333.33, 600)),
        ((100, 50), (1333.33, 0, 2400, 600)),  # as far right as the edge allows
        ((0, 0), (0, 0, 1066.67, 600)),
    ],
)
def test_crop_box_follows_the_focal_point_within_the_edges(focal, box):
    assert renditions.crop_box(2400, 600, (16, 9), *focal) == pytest.approx(box, abs=0.01)


def test_crop_box_of_a_tall_image_cuts_top_and_bottom():
    assert renditions.crop_box(600, 2400, (1, 1), 50, 10) == (0, 0, 600, 600)
    assert renditions.crop_box(600, 2400, (16, 9), 50, 50) == pytest.approx(
        (0, 1031.25, 600, 1368.75)
    )


def test_png_keeps_png_and_transparency(new_image):
    data = picture_bytes((800, 400), "PNG", mode="RGBA")
    image = new_image("logo.png", data)
    assert image.renditions["formats"] == ["webp", "png"]
    storage = image.file.storage
    png = read(storage, renditions.name(image.file.name, "full", 640, "png"))
    webp = read(storage, renditions.name(image.file.name, "full", 640, "webp"))
    assert (png.format, png.mode, png.size) == ("PNG", "RGBA", (640, 320))
    assert webp.format == "WEBP"
    assert png.getpixel((630, 10))[3] == 0  # transparent where the original was
    assert webp.convert("RGBA").getpixel((630, 10))[3] == 0


def test_webp_original_gets_webp_only(new_image):
    image = new_image("photo.webp", picture_bytes((700, 400), "WEBP"))
    assert image.renditions["formats"] == ["webp"]
    assert image.renditions["sizes"]["full"] == [[320, 183], [640, 366]]


def test_an_animated_gif_keeps_only_its_original(new_image, settings):
    frames = [PILImage.new("RGB", (400, 300), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], loop=0)
    image = new_image("moving.gif", buffer.getvalue())
    assert image.renditions == {"source": image.file.name, "sizes": {}, "formats": []}
    assert renditions.current(image) is not None  # not "missing": nothing to make
    assert stored_files(settings) == set()


def test_a_still_gif_gets_webp_and_png(new_image):
    image = new_image("still.gif", picture_bytes((400, 300), "GIF"))
    assert image.renditions["formats"] == ["webp", "png"]


def test_the_colour_profile_is_kept(new_image):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = new_image(data=picture_bytes((700, 400), icc_profile=srgb))
    storage = image.file.storage
    for ext in ("webp", "jpg"):
        copy = read(storage, renditions.name(image.file.name, "full", 640, ext))
        assert copy.info.get("icc_profile") == srgb


def test_a_replaced_file_gets_new_renditions_and_the_old_ones_go(
    new_image, settings, django_capture_on_commit_callbacks
):
    image = new_image()
    old = set(renditions.names(image.renditions))
    assert old <= stored_files(settings)

    with django_capture_on_commit_callbacks(execute=True):
        image.file = upload("other.png", picture_bytes((1000, 500), "PNG"))
        image.save()

    image.refresh_from_db()
    assert image.renditions["source"] == image.file.name
    assert image.renditions["formats"] == ["webp", "png"]
    assert stored_files(settings) == set(renditions.names(image.renditions))
    assert not old & stored_files(settings)


def test_a_record_of_another_file_counts_as_none(new_image):
    image = new_image()
    image.renditions = {**image.renditions, "source": "images/2020/old.jpg"}
    assert renditions.current(image) is None


def test_deleting_the_image_deletes_its_renditions_after_commit(
    new_image, settings, django_capture_on_commit_callbacks
):
    image = new_image()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        image.delete()
    assert stored_files(settings), "not before the delete commits"
    for callback in callbacks:
        callback()
    assert stored_files(settings) == set()


def test_an_image_loaded_without_its_record_still_loses_its_renditions(
    new_image, settings, django_capture_on_commit_callbacks
):
    pk = new_image().pk
    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.only("pk").get(pk=pk).delete()
    assert stored_files(settings) == set()


def test_a_failure_is_logged_and_never_breaks_the_save(
    monkeypatch, settings, caplog, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(renditions, "_encode", broken)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        image = Image.objects.create(file=upload(), alt_text="A field visit")
    image.refresh_from_db()
    assert image.renditions == {}
    assert stored_files(settings) == set()
    assert f"Renditions of image {image.pk} could not be made" in caplog.text


def test_a_failed_rebuild_removes_its_files_and_the_record(new_image, settings, monkeypatch):
    image = new_image()
    calls = []

    def fails_late(picture, ext, profile):
        calls.append(ext)
        if len(calls) > 4:
            raise OSError("disk full")
        return original(picture, ext, profile)

    original = renditions._encode
    monkeypatch.setattr(renditions, "_encode", fails_late)
    with pytest.raises(OSError, match="disk full"):
        renditions.make(image)
    image.refresh_from_db()
    assert image.renditions == {}  # the record no longer claims files that are gone
    assert stored_files(settings) == set()


def test_rebuild_all_and_missing(new_image, settings, capsys):
    first, second = new_image(), new_image(size=(800, 600))
    Image.objects.filter(pk=second.pk).update(renditions={})
    renditions.delete_record(second.file.storage, second.renditions)

    call_command("rebuild_renditions", "--missing", verbosity=0)
    assert capsys.readouterr().out.strip() == (
        "Renditions: 1 images made, 0 failed, 1 already current."
    )
    second.refresh_from_db()
    assert renditions.current(second) is not None

    call_command("rebuild_renditions")
    output = capsys.readouterr()
    assert output.out.strip() == "Renditions: 2 images made, 0 failed."
    assert "renditions [##############################] 100%  2/2" in output.err
    first.refresh_from_db()
    expected = set(renditions.names(first.renditions)) | set(renditions.names(second.renditions))
    assert stored_files(settings) == expected, "rebuilt under the same names, nothing doubled"


def test_rebuild_counts_failures_and_goes_on(new_image, monkeypatch):
    new_image(), new_image()
    made = []

    def fails_once(image):
        made.append(image.pk)
        if len(made) == 1:
            raise OSError("storage unreachable")

    monkeypatch.setattr(renditions, "make", fails_once)
    counts = renditions.rebuild()
    assert (counts.made, counts.failed) == (1, 1)
