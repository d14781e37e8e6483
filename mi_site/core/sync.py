"""Idempotent writes: a row is saved only when a value really differs from what is stored.

A second run of the demo loader or of `import_wordpress` must change nothing, not even
`updated_at` (auto_now), so nothing is saved unconditionally. Desired values are compared in
their stored form: rich text as `clean_rich_text()` would store it, foreign keys by id,
many-to-many fields by the set of ids, tags case-insensitively (taggit is configured
case-insensitive). Images are generated only for rows that have none yet, or whose file has
gone missing from storage. An image is a file field, or a foreign key to a row whose file field
is `file` (the media library, images/models.py): that row is made, or given its file again.
"""

from collections import Counter
from collections.abc import Callable, Iterable

from django.core.files.base import ContentFile
from django.db import models

from mi_site.core.richtext import SanitizedHTMLField, clean_rich_text

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def stored_form(field: models.Field, value):
    """`value` as the database would hand it back after a save."""
    if field.is_relation:
        return _pk(value)
    value = field.to_python(value)
    if isinstance(field, SanitizedHTMLField):
        return clean_rich_text(value)
    return value


def changed_fields(obj: models.Model, values: dict) -> list[str]:
    changed = []
    for name, value in values.items():
        field = obj._meta.get_field(name)
        if getattr(obj, field.attname) != stored_form(field, value):
            changed.append(name)
    return changed


def _file_of(obj: models.Model, name: str):
    value = getattr(obj, name)
    return value.file if isinstance(value, models.Model) else value


def missing_images(obj: models.Model, images: dict[str, Callable[[], ContentFile]]) -> list[str]:
    missing = []
    for name in images:
        file = _file_of(obj, name)
        if not file or not file.storage.exists(file.name):
            missing.append(name)
    return missing


def store_image(obj: models.Model, name: str, content: ContentFile) -> None:
    """Give `obj`'s image `name` the file `content` (module docstring)."""
    field = obj._meta.get_field(name)
    if not field.is_relation:
        getattr(obj, name).save(content.name, content, save=False)
        return
    row = getattr(obj, name) or field.related_model()
    row.file.save(content.name, content, save=False)
    row.save()
    setattr(obj, name, row)


class Writer:
    """Creates or updates rows and counts what it did, once per row."""

    def __init__(self):
        self.tally: Counter = Counter({CREATED: 0, UPDATED: 0, UNCHANGED: 0})

    def summary(self) -> str:
        return "Demo content: {created} created, {updated} updated, {unchanged} unchanged.".format(
            **self.tally
        )

    def count(self, action: str) -> None:
        self.tally[action] += 1

    def save(
        self,
        model: type[models.Model],
        lookup: dict,
        values: dict,
        *,
        images: dict[str, Callable[[], ContentFile]] | None = None,
        m2m: dict[str, Iterable[models.Model]] | None = None,
        tags: Iterable[str] | None = None,
        create_only: dict[str, Callable[[], object]] | None = None,
    ) -> models.Model:
        """The row matching `lookup`, made to hold `values`; counted as created/updated/unchanged.

        `images` maps an image field to a function that makes a named file; it is called only
        when the field is empty (or its file is gone). M2M fields and tags are set only when
        they differ. `create_only` maps fields to functions making their value for a new row;
        they are never called or compared for an existing one (e.g. a password: hashing is
        slow on purpose).
        """
        obj, action = self._upsert(model, lookup, values, images or {}, create_only or {})
        relations_changed = [set_m2m(obj, name, items) for name, items in (m2m or {}).items()]
        if tags is not None:
            relations_changed.append(set_tags(obj, tags))
        if action == UNCHANGED and any(relations_changed):
            action = UPDATED
        self.count(action)
        return obj

    def _upsert(self, model, lookup, values, images, create_only):
        obj = model._default_manager.filter(**lookup).first()
        created = obj is None
        if created:
            obj = model(**lookup, **{name: make() for name, make in create_only.items()})
        changed = changed_fields(obj, values)
        for name in changed:
            setattr(obj, name, values[name])
        for name in missing_images(obj, images):
            store_image(obj, name, images[name]())
            changed.append(name)
        if not (created or changed):
            return obj, UNCHANGED
        # Demo data passes the same field validators and clean() rules as an editor's form;
        # uniqueness and check constraints are left to the database, which enforces them.
        obj.full_clean(validate_unique=False, validate_constraints=False)
        obj.save()
        return obj, CREATED if created else UPDATED

    def sync_rows(self, model, parent: dict, rows: list[dict], key: Iterable[str]) -> None:
        """Make the rows of `model` under `parent` exactly `rows`, matched on `key` fields.

        For through models (program partners, program memberships): rows under `parent` that
        are not in the data are deleted, so a demo program lists exactly its demo partners and
        a demo person exactly their demo programs, as `.set()` does for a plain M2M field.
        """
        key = tuple(key)
        attnames = [model._meta.get_field(k).attname for k in key]
        wanted = {tuple(_pk(row[k]) for k in key) for row in rows}
        for existing in model._default_manager.filter(**parent):
            if tuple(getattr(existing, a) for a in attnames) not in wanted:
                existing.delete()
                self.count(UPDATED)
        for row in rows:
            lookup = {**parent, **{k: row[k] for k in key}}
            values = {k: v for k, v in row.items() if k not in key}
            self.save(model, lookup, values)


def _pk(value):
    return value.pk if isinstance(value, models.Model) else value


def set_m2m(obj: models.Model, name: str, items: Iterable[models.Model]) -> bool:
    manager = getattr(obj, name)
    items = list(items)
    if set(manager.values_list("pk", flat=True)) == {item.pk for item in items}:
        return False
    manager.set(items)
    return True


def set_tags(obj: models.Model, names: Iterable[str]) -> bool:
    names = list(names)
    if {n.lower() for n in obj.tags.names()} == {n.lower() for n in names}:
        return False
    obj.tags.set(names)
    return True
