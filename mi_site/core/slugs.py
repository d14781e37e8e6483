"""Slugs that are never empty and never clash.

Titles in Lao, Thai, Burmese or Chinese are transliterated to Latin letters (anyascii), so a
Chinese title becomes readable pinyin instead of an empty slug; a title with nothing to
transliterate falls back to the model's name. A clash gets a numeric suffix, not an error.
"""

from anyascii import anyascii
from django.utils.text import slugify


def slug_from(text: str, *, fallback: str, max_length: int = 80) -> str:
    slug = slugify(anyascii(text or ""))[:max_length].strip("-")
    return slug or slugify(fallback)[:max_length] or "item"


def unique_slug(instance, text: str, *, field: str = "slug") -> str:
    """A slug for `instance` made from `text`, unique among rows of the same model."""
    model = type(instance)
    max_length = model._meta.get_field(field).max_length or 80
    base = slug_from(text, fallback=model._meta.model_name, max_length=max_length - 6)
    others = (
        model._default_manager.exclude(pk=instance.pk)
        if instance.pk
        else model._default_manager.all()
    )
    taken = set(others.filter(**{f"{field}__startswith": base}).values_list(field, flat=True))
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


class AutoSlugMixin:
    """Fills an empty `slug` from `slug_source` when the model is saved."""

    slug_source = "title"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, getattr(self, self.slug_source))
        super().save(*args, **kwargs)
