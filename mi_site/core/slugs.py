"""Slugs that are never empty, never too long and never clash.

Titles in Lao, Thai, Burmese or Chinese are transliterated to Latin letters (anyascii), so a
Chinese title becomes readable pinyin (one word per character) instead of an empty slug.
Emoji and other symbols add nothing readable and are dropped; a title with nothing left
falls back to the model's name. A clash gets a numeric suffix (`-2`, `-3`), not an error,
and the slug plus its suffix always fits the field.
"""

import re
import unicodedata

from anyascii import anyascii
from django.db import IntegrityError, transaction
from django.utils.text import slugify

# Two editors saving the same new title at once: the loser of the race retries this often.
SAVE_ATTEMPTS = 5
# What Django's `<slug:>` path converter accepts: the only slugs an address can carry.
URL_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def is_url_slug(slug) -> bool:
    return bool(slug) and URL_SLUG.fullmatch(slug) is not None


def _transliterate(text: str) -> str:
    parts = []
    for char in text:
        if unicodedata.category(char).startswith("S"):
            parts.append(" ")  # emoji, arrows, currency and maths signs
        elif unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH"):
            parts.append(f" {anyascii(char)} ")  # 湄公河 -> "mei gong he", not "meigonghe"
        else:
            parts.append(char)
    return anyascii("".join(parts))


def _cut(slug: str, max_length: int) -> str:
    """`slug` shortened to `max_length`, at a hyphen when that keeps most of it."""
    if len(slug) <= max_length:
        return slug
    cut = slug[:max_length]
    if slug[max_length] != "-" and "-" in cut and cut.rindex("-") > max_length // 2:
        cut = cut[: cut.rindex("-")]
    return cut.strip("-")


def slug_from(text: str, *, fallback: str, max_length: int = 80) -> str:
    slug = _cut(slugify(_transliterate(text or "")), max_length)
    return slug or _cut(slugify(fallback), max_length) or "item"


def unique_slug(instance, text: str, *, field: str = "slug") -> str:
    """A slug for `instance` made from `text`, unique among rows of the same model."""
    model = type(instance)
    max_length = model._meta.get_field(field).max_length or 50
    base = slug_from(text, fallback=model._meta.model_name, max_length=max_length)
    others = model._default_manager.all()
    if instance.pk is not None:
        others = others.exclude(pk=instance.pk)
    # Every candidate starts with this much of the base (suffixes stay under 12 characters).
    prefix = base[: max_length - 12]
    taken = set(others.filter(**{f"{field}__startswith": prefix}).values_list(field, flat=True))
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: max_length - len(suffix)].rstrip("-") + suffix
    return candidate


class AutoSlugMixin:
    """Fills an empty `slug` from `slug_source` when the model is saved.

    A slug the editor typed is kept as it is: a clash there is a form error (the field is
    unique), which the editor can fix.
    """

    slug_source = "title"

    def save(self, *args, **kwargs):
        if self.slug:
            return super().save(*args, **kwargs)
        for attempt in range(1, SAVE_ATTEMPTS + 1):
            self.slug = unique_slug(self, getattr(self, self.slug_source))
            try:
                # A savepoint, so that losing the race leaves the transaction usable.
                with transaction.atomic(using=kwargs.get("using")):
                    return super().save(*args, **kwargs)
            except IntegrityError:
                if attempt == SAVE_ATTEMPTS or not self._slug_taken_by_another():
                    self.slug = ""
                    raise

    def _slug_taken_by_another(self) -> bool:
        others = type(self)._default_manager.filter(slug=self.slug)
        return others.exclude(pk=self.pk).exists() if self.pk is not None else others.exists()
