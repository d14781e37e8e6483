"""Tag slugs: readable ASCII for a tag in any script, never empty, never a clash.

taggit makes slugs with `slugify(allow_unicode=True)`. A Thai, Lao, Burmese or Khmer name
keeps its letters but loses its combining vowel signs, a name of only punctuation or emoji
gets an empty slug, and neither matches the `<slug:>` URL converter, so the tag's page, feeds
and sitemap entry cannot be linked at all. MI's tags get the slugs its articles get
(`slugs.py`): transliterated, readable, unique (`ຫຼວງພະບາງ` -> `hlvngphabang`, `Cà phê` ->
`ca-phe`, a second `Ca phe` -> `ca-phe-2`, `#` -> `tag`).

A slug is made once, when the tag is created (or when it is not a valid address), and kept
when the tag is renamed, so links to the tag page keep working.
"""

from django.db.models.signals import pre_save
from taggit import utils as taggit_utils

from .slugs import is_url_slug, unique_slug


def give_tag_a_slug(sender, instance, **kwargs):
    # taggit fills `slug` from the name just before saving a new tag; that value is replaced.
    made_by_taggit = instance._state.adding and instance.slug == instance.slugify(instance.name)
    if made_by_taggit or not is_url_slug(instance.slug):
        instance.slug = unique_slug(instance, instance.name)


def connect(tag_model) -> None:
    pre_save.connect(give_tag_a_slug, sender=tag_model, dispatch_uid="core.tags.slug")


def parse_tags(text: str) -> list[str]:
    """What an editor typed in a tags field: tags separated by commas, as the field says.

    taggit splits on spaces when there is no comma, so "food safety" became two tags unless
    typed in quotes, and the form showed every multi-word tag quoted to survive the next save.
    Here a space never separates tags; quotes still protect a name that holds a comma.
    """
    if not text or not text.strip():
        return []
    if "," not in text and '"' not in text:
        return [text.strip()]
    return taggit_utils._parse_tags(text)


def edit_string(tags) -> str:
    """The tags as the field shows them: "food safety, ความปลอดภัยอาหาร, trade"."""
    names = sorted(tag.name for tag in tags)
    return ", ".join(f'"{name}"' if "," in name else name for name in names)
