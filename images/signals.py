"""Renditions follow the file, after the transaction commits (renditions.py).

- An `Image` saved with a new file (no record, or a record of another file) gets its
  renditions in `transaction.on_commit`: never inside the transaction (a rollback would leave
  files for a row that does not exist) and never on a public GET, which saves no image. The
  callback reads the row again, so two saves in one transaction make them once, and a row
  deleted or changed meanwhile is handled by its own signal.
- A deleted `Image` loses its renditions after the delete commits.

A failure is logged and never raised into the save: the page shows the original until
`manage.py rebuild_renditions --missing` succeeds.
"""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

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


def delete_renditions(storage, record: dict, pk) -> None:
    try:
        renditions.delete_record(storage, record)
    except Exception:
        logger.exception("Renditions of deleted image %s could not all be deleted", pk)
