"""Where each library image is used: the image blocks that point at it (foreign keys, found
from the models, so a new block is counted without a change here) and the rich text that
holds it (`data-image="<pk>"`, images/richtext.py).

For the library's admin only (the image's page, the delete confirmation): it reads each
model's rows that point at the image, and looks through rich text with a `LIKE`, which is
fine for an editor's click and never runs on a public page.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models

from mi_site.core.richtext import SanitizedHTMLField

from .models import Image


@dataclass(frozen=True)
class Use:
    item: models.Model
    where: str  # "hero image", "body"


def _image_keys():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is Image:
                yield model, field


def _rich_text_fields():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, SanitizedHTMLField):
                yield model, field


def reference(pk) -> str:
    """How rich text names a library image."""
    return f'data-image="{pk}"'


def placed_in(image: Image) -> list[Use]:
    """The items whose image blocks show `image` (each foreign key PROTECTs it)."""
    return [
        Use(item, str(field.verbose_name))
        for model, field in _image_keys()
        for item in model._default_manager.filter(**{field.name: image})
    ]


def written_in(image: Image) -> list[Use]:
    """The items whose rich text shows `image`."""
    return [
        Use(item, str(field.verbose_name))
        for model, field in _rich_text_fields()
        for item in model._default_manager.filter(
            **{f"{field.name}__contains": reference(image.pk)}
        )
    ]


def uses(image: Image) -> list[Use]:
    return placed_in(image) + written_in(image)
