"""Two versions of an item side by side, field by field, in words an editor reads.

Each stored version becomes a dict of label -> readable text: choices by their label, linked
items by their name, lists sorted, rich text as its words (no markup). Long text is compared
word by word with the insertions and deletions marked; everything is escaped first, so a
comparison can never run markup from the content.
"""

import difflib
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from taggit.models import Tag, TaggedItem

from .richtext import SanitizedHTMLField

SKIPPED = {"id", "created_at", "updated_at"}
WORDS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def marked(self) -> SafeString:
        return mark_words(self.before, self.after)


def _text(field: models.Field, obj) -> str:
    value = field.value_from_object(obj)
    if value in (None, ""):
        return ""
    if isinstance(field, SanitizedHTMLField):
        # Block ends become line breaks so paragraphs stay apart in the comparison.
        spaced = re.sub(r"</(p|h[1-6]|li|blockquote|figure)>", "\n", str(value))
        return re.sub(r"[ \t]+", " ", strip_tags(spaced)).strip()
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        target = field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target is not None else f"(deleted, #{value})"
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, models.FileField):
        return value.name if hasattr(value, "name") else str(value)
    return str(value)


def readable(revision, model) -> dict[str, str]:
    """The version of `model` stored in `revision`, as label -> text."""
    versions = list(revision.version_set.select_related("content_type"))
    own = ContentType.objects.get_for_model(model)
    main = next(v for v in versions if v.content_type_id == own.pk)
    stored = main._object_version
    fields: dict[str, str] = {}
    for field in model._meta.concrete_fields:
        if field.name not in SKIPPED and field.editable:
            fields[str(field.verbose_name).capitalize()] = _text(field, stored.object)
    for field in model._meta.many_to_many:
        ids = (stored.m2m_data or {}).get(field.name)
        if ids is not None:
            names = field.related_model._base_manager.filter(pk__in=ids)
            fields[str(field.verbose_name).capitalize()] = ", ".join(sorted(map(str, names)))
    fields.update(_links(versions, main))
    return fields


def _links(versions, main) -> dict[str, str]:
    """Rows stored with the item: its tags, partner roles, team members."""
    rows: dict[str, list[str]] = {}
    tag_names = {
        int(v.object_id): v._object_version.object.name
        for v in versions
        if v.content_type.model_class() is Tag
    }
    for version in versions:
        model = version.content_type.model_class()
        if model is TaggedItem:
            tag_id = version._object_version.object.tag_id
            rows.setdefault("Tags", []).append(tag_names.get(tag_id, f"#{tag_id}"))
        elif model is not Tag and version is not main:
            label = str(model._meta.verbose_name_plural).capitalize()
            rows.setdefault(label, []).append(str(version._object_version.object))
    return {label: ", ".join(sorted(names)) for label, names in rows.items()}


def compare(older: dict[str, str], newer: dict[str, str]) -> list[FieldChange]:
    labels = list(dict.fromkeys([*older, *newer]))
    return [
        FieldChange(label, older.get(label, ""), newer.get(label, ""))
        for label in labels
        if older.get(label, "") != newer.get(label, "")
    ]


def mark_words(before: str, after: str) -> SafeString:
    """`after` with the words removed since `before` in <del> and those added in <ins>."""
    old, new = WORDS.findall(before), WORDS.findall(after)
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(old[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(new[j1:j2]))}</ins>")
        if op == "equal":
            out.append(escape("".join(old[i1:i2])))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above
