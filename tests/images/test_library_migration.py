"""The migrations that moved every hero image, photo and logo into the media library, and the
cleaning of files stored before uploads were cleaned: run on a database holding old rows, and
checked by reading the stored files back."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from PIL import Image

from images.cleaning import clean_stored, needs_cleaning
from images.models import Image as Picture
from tests.core.test_clean_images import APPENDED, GPS, jpeg_with_gps_and_comment, png_with_text

BEFORE = [
    ("news", "0011_search_lead"), ("programs", "0011_search_lead"),
    ("people", "0007_search_lead"), ("pages", "0006_search_lead"), ("images", "0001_initial"),
]  # fmt: skip
AFTER = [
    ("news", "0013_image_blocks"), ("programs", "0013_image_blocks"),
    ("people", "0009_image_blocks"), ("pages", "0008_image_blocks"),
]  # fmt: skip


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def assert_clean(name: str) -> None:
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    assert APPENDED not in data and b"taken at home" not in data and b"Mittraphap" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert GPS not in image.getexif() and not image.getexif()


@pytest.mark.django_db(transaction=True)
def test_old_files_become_cleaned_library_images_shared_by_the_items_showing_them():
    try:
        old = migrate(BEFORE)
        Article, Person = old.get_model("news", "Article"), old.get_model("people", "Person")
        Partner = old.get_model("programs", "Partner")
        photo = default_storage.save("news/2019/hero.jpg", ContentFile(jpeg_with_gps_and_comment()))
        logo = default_storage.save("partners/2019/logo.png", ContentFile(png_with_text()))
        one = Article.objects.create(
            title="One",
            slug="one",
            hero_image=photo,
            hero_alt="Officials at the workshop",
            hero_caption="Day one",
        )
        two = Article.objects.create(title="Two", slug="two", hero_image=photo, hero_alt="Again")
        bare = Article.objects.create(title="Three", slug="three")
        portrait = default_storage.save(
            "people/2019/p.jpg", ContentFile(jpeg_with_gps_and_comment())
        )
        person = Person.objects.create(
            display_name="Somchai", sort_name="Somchai", slug="somchai", photo=portrait
        )
        partner = Partner.objects.create(name="TICA", slug="tica", logo=logo, logo_alt="")

        new = migrate(AFTER)
        Article, Person = new.get_model("news", "Article"), new.get_model("people", "Person")
        Partner, Library = new.get_model("programs", "Partner"), new.get_model("images", "Image")
        assert Library.objects.count() == 3  # one row per stored file, however often shown
        first, second = Article.objects.get(pk=one.pk), Article.objects.get(pk=two.pk)
        assert first.hero_image_id == second.hero_image_id
        portrait_image = Library.objects.get(pk=Person.objects.get(pk=person.pk).photo_id)
        assert (portrait_image.title, portrait_image.file.name) == ("Somchai", portrait)
        assert Article.objects.get(pk=bare.pk).hero_image_id is None
        image = Library.objects.get(pk=first.hero_image_id)
        assert (image.title, image.alt_text, image.caption) == (
            "One", "Officials at the workshop", "Day one")  # fmt: skip
        assert (first.hero_alt, second.hero_alt) == ("Officials at the workshop", "Again")
        assert image.file.name == photo, "cleaned in place: rich text and caches keep the address"
        assert (image.width, image.height) == (48, 64), "turned upright, size recorded"
        assert_clean(photo)
        assert_clean(Library.objects.get(pk=Partner.objects.get(pk=partner.pk).logo_id).file.name)

        old = migrate(BEFORE)  # and back: the file fields hold the names again
        assert old.get_model("news", "Article").objects.get(pk=one.pk).hero_image == photo
    finally:
        call_command("migrate", verbosity=0)


@pytest.mark.django_db
def test_the_clean_images_command_cleans_what_is_dirty_once(capsys):
    clean = Picture.objects.create(file=ContentFile(jpeg_with_gps_and_comment(), name="a.jpg"))
    dirty_name = default_storage.save(
        "images/2019/old.jpg", ContentFile(jpeg_with_gps_and_comment())
    )
    dirty = Picture(title="Old")
    dirty.file.name = dirty_name  # stored before uploads were cleaned
    dirty.save()
    broken = Picture(title="Gone")
    broken.file.name = default_storage.save("images/2019/x.jpg", ContentFile(b"<html>"))
    broken.save()
    with default_storage.open(clean.file.name) as handle:
        assert not needs_cleaning(handle.read())
    before = default_storage.open(clean.file.name).read()

    call_command("clean_images", verbosity=0)

    out = capsys.readouterr()
    assert "Images: 1 cleaned, 1 could not be read, 1 already clean." in out.out
    assert "not an image we can use" in out.err
    dirty.refresh_from_db()
    assert dirty.file.name == dirty_name and (dirty.width, dirty.height) == (48, 64)
    assert_clean(dirty_name)
    assert default_storage.open(clean.file.name).read() == before, "never re-compressed"
    assert default_storage.exists(broken.file.name), "a file it cannot read is left alone"
    assert clean_stored(default_storage, dirty_name).changed is False  # a second run: nothing
