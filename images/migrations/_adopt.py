"""Frozen helpers for the migrations that moved image files into the media library.

Each content model's image field became a foreign key to `images.Image`: the migration renames
the old file field, adds the key, runs `adopt()` to make (or reuse) one library row per stored
file, and drops the old field. Kept here, not imported from the app, so later changes to the
app cannot change what an old migration does (images/cleaning.py works on files, not models).

Files stored before every image was cleaned on upload may still carry a GPS position or
appended bytes: on a small site (at most SMALL_SITE files per model) `adopt()` cleans each one
as it goes; a larger site is told to run `manage.py clean_images` after migrating.
"""

import logging
import sys

from django.db import migrations

from images.cleaning import clean_stored

log = logging.getLogger(__name__)
SMALL_SITE = 300


def _size(storage, name: str) -> tuple[int | None, int | None]:
    from PIL import Image as Picture  # noqa: PLC0415

    try:
        with storage.open(name) as handle, Picture.open(handle) as picture:
            return picture.size
    except (OSError, ValueError, SyntaxError):
        log.warning("Image %s could not be read: its size is unknown.", name)
        return None, None


def adopt(app_label: str, model_name: str, *, old: str, new: str, prefix: str, title: str):
    """A RunPython pair: the files of `old` become library images in `new` (and back)."""

    def forward(apps, schema_editor):
        Image = apps.get_model("images", "Image")
        Model = apps.get_model(app_label, model_name)
        using = schema_editor.connection.alias
        storage = Image._meta.get_field("file").storage
        rows = Model._default_manager.using(using).exclude(**{old: ""}).order_by("pk")
        clean = rows.count() <= SMALL_SITE
        if not clean:
            sys.stdout.write(
                f"\n  {model_name} images were adopted without cleaning them (more than "
                f"{SMALL_SITE}): run `manage.py clean_images` after migrating.\n"
            )
        for item in rows.iterator():
            name = getattr(item, old).name
            image = Image.objects.using(using).filter(file=name).first()
            if image is None:
                if clean:
                    outcome = clean_stored(storage, name)
                    if outcome.problem:
                        log.warning("Image %s was not cleaned: %s", name, outcome.problem)
                    name = outcome.name
                width, height = _size(storage, name)
                alt = getattr(item, f"{prefix}_alt", "")
                decorative = getattr(item, f"{prefix}_decorative", False)
                # Insert without the field's descriptor opening the file again.
                image = Image(
                    title=str(getattr(item, title))[:255],
                    alt_text="" if decorative else alt,
                    decorative=decorative,
                    caption=getattr(item, f"{prefix}_caption", ""),
                    credit=getattr(item, f"{prefix}_credit", ""),
                    width=width,
                    height=height,
                )
                image.file.name = name
                image.save(using=using)
            Model._default_manager.using(using).filter(pk=item.pk).update(**{new: image})

    def backward(apps, schema_editor):
        Model = apps.get_model(app_label, model_name)
        using = schema_editor.connection.alias
        rows = Model._default_manager.using(using).exclude(**{f"{new}__isnull": True})
        for item in rows.select_related(new).iterator():
            name = getattr(item, new).file.name
            Model._default_manager.using(using).filter(pk=item.pk).update(**{old: name})

    return migrations.RunPython(forward, backward, elidable=False)
