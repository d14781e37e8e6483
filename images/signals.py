"""Renditions follow the file, after the transaction commits (renditions.py).

- An `Image` saved with a new file (no record, or a record of another file) gets its
  renditions in `transaction.on_commit`: never inside the transaction (a rollback would leave
  files for a row that does not exist) and never on a public GET, which saves no image. The
  callback reads the row again, so two saves in one transaction make them once, and a row
  deleted or changed meanwhile is handled by its own signal.
- A deleted `Image` loses its renditions and its file after the delete commits (the library
  protects an image in use, so nothing still shows it; a file another row holds stays).

A failure is logged and never raised into the save: the page shows the original until
`manage.py rebuild_renditions --missing` succeeds. Making renditions changes the content
version (mi_site/core/contentversion.py), so cached pages that showed the original are made
again with the copies.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from mi_site.core import contentversion

from . import renditions
from .models import Image

logger = logging.getLogger(__name__)


@receiver(post_save, sender=Image, dispatch_uid="images.renditions.save")
def make_renditions_after_commit(sender, instance: Image, raw=False, **kwargs):
    if raw or not instance.file or renditions.current(instance) is not None:
        return  # loaddata, no file, or renditions of this very file already exist
    transaction.on_commit(partial(make_renditions, instance), using=kwargs.get("using"))


@receiver(pre_delete, sender=Image, dispatch_uid="images.renditions.predelete")
def load_the_record_before_delete(sender, instance: Image, **kwargs):
    """An image loaded with `.only()`: read its record while the row still exists."""
    deferred = {"file", "renditions"} & instance.get_deferred_fields()
    if deferred:
        instance.refresh_from_db(fields=sorted(deferred))


@receiver(post_delete, sender=Image, dispatch_uid="images.renditions.delete")
def delete_renditions_after_commit(sender, instance: Image, **kwargs):
    record = instance.renditions or {}
    if record:
        storage = instance.file.storage
        transaction.on_commit(
            partial(delete_renditions, storage, record, instance.pk), using=kwargs.get("using")
        )


def make_renditions(instance: Image) -> None:
    """The on_commit callback: renditions of the row as it is now, errors logged."""
    try:
        image = Image.objects.filter(pk=instance.pk).first()
        if image is None or not image.file or renditions.current(image) is not None:
            return
        record = renditions.make(image)
    except Exception:
        logger.exception("Renditions of image %s could not be made", instance.pk)
        return
    if record.get("source") == (instance.file.name if instance.file else None):
        instance.renditions = record  # so a later save() of this object keeps the record
    contentversion.content_changed()  # cached pages showing the original take the copies


def delete_renditions(storage, record: dict, pk) -> None:
    try:
        renditions.delete_record(storage, record)
    except Exception:
        logger.exception("Renditions of deleted image %s could not all be deleted", pk)


@receiver(post_delete, sender=Image, dispatch_uid="images.file.delete")
def delete_file_after_commit(sender, instance: Image, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(partial(delete_file, storage, name), using=kwargs.get("using"))


def delete_file(storage, name: str) -> None:
    try:
        if not Image.objects.filter(file=name).exists():
            storage.delete(name)
    except Exception:
        logger.exception("The file %s of a deleted image could not be deleted", name)
