"""Stored versions of content, changes waiting for review, and putting a version back.

django-reversion stores each version: the item's fields and many-to-many ids, plus the rows
that link it to other things (tags, partners with their role, team members), in one revision
with who and when. `RevisionState` says what the revision is (saved, waiting for review,
approved, sent back).

A change waiting for review is made by really saving the editor's form inside a savepoint,
storing what was written, and rolling the savepoint back: the live row never changes, and the
stored change holds exactly what a save would have written, relations included. Applying a
revision (approval, restore, preview) writes it back over the item, keeping the item's
publishing state, which only the workflow changes.
"""

from contextlib import contextmanager

import reversion
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from reversion.models import Revision, Version
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItem

from .models import Kind, RevisionState

# Publishing state belongs to the workflow: applying a version never changes it.
KEPT = ("status", "publish_at", "expire_at", "created_at")
TAG_LINKS = "tag_links"


def _tag_links(item):
    return TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )


def _derived(model) -> tuple[str, ...]:
    """Fields made from the others (the search vector): not part of a version."""
    return tuple(getattr(model, "revision_exclude", ()))


def register(model, *, links: tuple[str, ...] = ()) -> None:
    """Keep versions of `model` with the link rows named by `links` (reverse relations whose
    rows belong to the item, e.g. a program's partner roles) and, if it has tags, its tags."""
    links = tuple(links)
    if any(isinstance(f, TaggableManager) for f in model._meta.local_many_to_many):
        model.tag_links = property(_tag_links)
        links += (TAG_LINKS,)
        if not reversion.is_registered(TaggedItem):
            reversion.register(Tag)
            reversion.register(TaggedItem, follow=["tag"])
    model.revision_links = links
    reversion.register(model, follow=links, exclude=_derived(model))


def add_links(model, *links: str) -> None:
    """More link rows for an item registered by a lower app: rows a higher app keeps about it
    (a program's team, kept by people), named where that app is, not in the lower one."""
    model.revision_links = (*model.revision_links, *links)
    reversion.unregister(model)
    reversion.register(model, follow=model.revision_links, exclude=_derived(model))


def register_link(model) -> None:
    """Rows that belong to an item (a program's partner roles): stored with its versions."""
    if not reversion.is_registered(model):
        reversion.register(model)


def _states(item):
    return RevisionState.objects.filter(
        content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk)
    ).order_by("-revision_id")


def record(item, *, user, comment: str = "", kind: Kind = Kind.SAVED) -> Revision:
    """Store the item as it is in the database now, relations included."""
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(item)
        reversion.set_user(user if user is not None and user.pk else None)
        reversion.set_comment(comment)
        reversion.add_meta(
            RevisionState,
            content_type=ContentType.objects.get_for_model(item),
            object_id=str(item.pk),
            kind=kind,
        )
    return _states(item).select_related("revision").first().revision


def begin_proposal() -> str:
    """Mark the point to roll back to; the caller then saves the change as usual."""
    return transaction.savepoint()


def capture(item, *, user, comment: str = "") -> list[dict]:
    """The item as the database holds it now, relations included, as version data."""
    written = record(item, user=user, comment=comment)
    return list(
        written.version_set.values(
            "content_type_id", "object_id", "db", "format", "serialized_data", "object_repr"
        )
    )


def store_pending(item, versions: list[dict], *, user, comment: str = "") -> Revision:
    """Keep captured version data as the change waiting for review (replacing any older)."""
    _states(item).filter(kind=Kind.PENDING).update(kind=Kind.SUPERSEDED)
    revision = Revision.objects.create(
        date_created=timezone.now(),
        user=user if user is not None and user.pk else None,
        comment=comment,
    )
    Version.objects.bulk_create(Version(revision=revision, **data) for data in versions)
    RevisionState.objects.create(
        revision=revision,
        content_type=ContentType.objects.get_for_model(item),
        object_id=str(item.pk),
        kind=Kind.PENDING,
    )
    return revision


def finish_proposal(item, savepoint: str, *, user, comment: str = "") -> Revision:
    """Store what was saved since `begin_proposal()` as a change waiting for review, then undo
    the save: the public keeps seeing the live version."""
    versions = capture(item, user=user, comment=comment)
    transaction.savepoint_rollback(savepoint)
    return store_pending(item, versions, user=user, comment=comment)


def pending(item) -> Revision | None:
    """The change to this item waiting for a publisher, if any (only the latest counts)."""
    state = _states(item).filter(kind=Kind.PENDING).select_related("revision__user").first()
    return state.revision if state else None


def history(item):
    """Every stored version of the item, newest first, with who made it."""
    return _states(item).select_related("revision__user")


def latest_id(item) -> int | None:
    return _states(item).values_list("revision_id", flat=True).first()


def _tag_for(version_data: dict, revision: Revision) -> Tag:
    """The tag a stored link points to: the same row if it still exists, else one with the
    stored name (made again if it was deleted)."""
    tag_id = version_data.tag_id
    tag = Tag.objects.filter(pk=tag_id).first()
    if tag is not None:
        return tag
    stored = revision.version_set.filter(
        content_type=ContentType.objects.get_for_model(Tag), object_id=str(tag_id)
    ).first()
    name = stored._object_version.object.name if stored else f"tag {tag_id}"
    return Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)


def apply(item, revision: Revision):
    """Write `revision` over the item: its fields, many-to-many and link rows; the publishing
    state stays as it is. Returns the item as now stored."""
    model = type(item)
    current = model._default_manager.select_for_update().get(pk=item.pk)
    versions = list(revision.version_set.select_related("content_type"))
    own_type = ContentType.objects.get_for_model(model)
    main = next(v for v in versions if v.content_type == own_type and v.object_id == str(item.pk))
    stored = main._object_version
    for name in KEPT:
        setattr(stored.object, name, getattr(current, name))
    stored.object.updated_at = timezone.now()
    _drop_deleted_targets(model, stored)
    stored.save()
    for link in model.revision_links:
        rows = getattr(current, link)
        rows.all().delete()
        for version in versions:
            if version.content_type.model_class() is not rows.model:
                continue
            row = version._object_version.object
            # The stored id is kept, so a form showing this version posts ids that still
            # match; only if another item's row has taken it does the row get a new one.
            if rows.model._default_manager.filter(pk=row.pk).exists():
                row.pk = None
            if isinstance(row, TaggedItem):
                row.tag = _tag_for(row, revision)
            row.save(force_insert=True)
    return model._default_manager.get(pk=item.pk)


def _drop_deleted_targets(model, stored) -> None:
    """Leave out of the stored many-to-many ids (countries, documents ...) those deleted since
    the version was stored: linking them again would break a foreign key."""
    for name, ids in (stored.m2m_data or {}).items():
        target = model._meta.get_field(name).related_model._base_manager
        existing = set(target.filter(pk__in=ids).values_list("pk", flat=True))
        stored.m2m_data[name] = [pk for pk in ids if pk in existing]


@contextmanager
def applied(item, revision: Revision):
    """The item with `revision` applied, for as long as the block runs; then undone."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            yield apply(item, revision)
        finally:
            transaction.savepoint_rollback(savepoint)


def approve(item, revision: Revision, *, user):
    """Make a change waiting for review the live version."""
    approved = apply(item, revision)
    _states(item).filter(kind=Kind.PENDING).update(kind=Kind.SUPERSEDED)
    RevisionState.objects.filter(revision=revision).update(kind=Kind.APPROVED)
    return approved


def settle_pending(item) -> Revision | None:
    """A publisher saved the item with its waiting change in the form: that approves it.
    Returns the change approved, if there was one."""
    change = pending(item)
    if change is not None:
        _states(item).filter(kind=Kind.PENDING).update(kind=Kind.APPROVED)
    return change


def reject(revision: Revision) -> None:
    RevisionState.objects.filter(revision=revision).update(kind=Kind.REJECTED)


def is_of(revision: Revision, item) -> bool:
    return _states(item).filter(revision=revision).exists()


@contextmanager
def as_stored_now(item):
    """A revision holding the item as it is in the database now, for comparing; gone after."""
    with transaction.atomic():
        savepoint = transaction.savepoint()
        try:
            yield record(item, user=None)
        finally:
            transaction.savepoint_rollback(savepoint)
