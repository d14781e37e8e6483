"""Generated pictures are real images, stored, deterministic and drawn only when missing."""

from django.apps import apps
from PIL import Image

from images.models import Image as Picture
from mi_site.demo import images


def image_files():
    """(item, field, file) of every image an item shows: its library image's file."""
    for model in apps.get_models():
        fields = [f for f in model._meta.fields if f.is_relation and f.related_model is Picture]
        for obj in model._default_manager.select_related(*(f.name for f in fields)):
            for field in fields:
                image = getattr(obj, field.name)
                if image:
                    yield obj, field.name, image.file


def test_every_stored_picture_exists_and_opens(demo):
    found = list(image_files())

    kinds = {(type(obj).__name__, name) for obj, name, _ in found}
    assert kinds == {("Article", "hero_image"), ("Program", "hero_image"),
                     ("Person", "photo"), ("Partner", "logo"), ("Page", "hero_image")}  # fmt: skip
    sizes = {"photo": images.SMALL.portrait, "logo": images.SMALL.logo}
    for _, name, file in found:
        assert file.storage.exists(file.name)
        with file.open("rb"), Image.open(file) as image:
            assert image.size == sizes.get(name, images.SMALL.hero)
            image.verify()


def test_pictures_are_deterministic_and_sized_as_asked():
    first = images.hero("a-slug", ("#00695c", "#f9a825"), (320, 180))
    again = images.hero("a-slug", ("#00695c", "#f9a825"), (320, 180))
    other = images.hero("another-slug", ("#00695c", "#f9a825"), (320, 180))

    assert first.read() == again.read()
    first.seek(0)
    assert first.read() != other.read()
    with Image.open(images.portrait("x", "#2e7d32", (64, 64))) as portrait:
        assert (portrait.format, portrait.size) == ("JPEG", (64, 64))
    with Image.open(images.logo("TICA", "#1b4f9c", (96, 48))) as logo:
        assert (logo.format, logo.size) == ("PNG", (96, 48))
