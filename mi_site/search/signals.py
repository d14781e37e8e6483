"""The index follows every change: a save or delete of a searchable item, a change of its
many-to-many links, and a new name for a department, country, theme or tag that items carry.

Work is collected per database connection and done once the transaction commits
(`transaction.on_commit`): an admin save that touches an article and four of its links
indexes the article once, and a change rolled back (a change held for review is saved in a
savepoint and undone) indexes nothing but the committed state. If indexing fails after the
commit, the error is logged and the save stands; `rebuild_search_index` repairs the index.
"""

import threading
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from taggit.models import Tag, TaggedItem

from news.models import Article
from people.models import Person
from programs.models import Country, Department, Partner, Program, Theme

from . import index
from .registry import BY_MODEL

_pending = threading.local()

# Items that carry a related row's name in their document: model -> [(item model, lookup)].
CARRIERS = {
    Department: [(Article, "department"), (Article, "extra_departments"),
                 (Person, "department"), (Program, "department")],
    Country: [(Article, "countries"), (Program, "countries"), (Partner, "country")],
    Theme: [(Article, "themes")],
    Tag: [(Article, "tags"), (Program, "tags")],
}  # fmt: skip
LINKS = [
    Article.extra_departments.through,
    Article.countries.through,
    Article.themes.through,
    Program.countries.through,
    TaggedItem,  # taggit sends m2m_changed with its through model for articles and programs
]


def _work(using: str) -> dict:
    if not hasattr(_pending, "work"):
        _pending.work = {}
    return _pending.work.setdefault(using, {})


def schedule(model, pks, *, using: str = "default") -> None:
    """Index these rows of `model` when the current transaction commits (now, outside one)."""
    pks = set(pks)
    if not pks:
        return
    _work(using).setdefault(model, set()).update(pks)
    transaction.on_commit(partial(flush, using), using=using, robust=True)


def flush(using: str = "default") -> None:
    work = _work(using)
    todo = dict(work)
    work.clear()
    for model, pks in todo.items():
        index.reindex(model, pks, using=using)


def _changed(sender, instance, using, **kwargs):
    """Saved or deleted: its row is indexed again (or taken out) after the commit."""
    schedule(sender, [instance.pk], using=using)


def _links_changed(sender, instance, action, model, pk_set, using, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if type(instance) in BY_MODEL:
        schedule(type(instance), [instance.pk], using=using)
    elif model in BY_MODEL and pk_set:
        schedule(model, pk_set, using=using)


def _remember_name(sender, instance, raw, using, **kwargs):
    old = None
    if instance.pk is not None and not raw:
        old = (
            sender._default_manager.using(using)
            .filter(pk=instance.pk)
            .values_list("name", flat=True)
            .first()
        )
    instance._search_old_name = old


def _renamed(sender, instance, created, using, **kwargs):
    if created or getattr(instance, "_search_old_name", None) == instance.name:
        return
    for model, lookup in CARRIERS[sender]:
        carriers = model._default_manager.using(using).filter(**{lookup: instance})
        schedule(model, carriers.values_list("pk", flat=True), using=using)


def connect() -> None:
    for model in BY_MODEL:
        post_save.connect(_changed, sender=model, dispatch_uid=f"search_saved_{model.__name__}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"search_del_{model.__name__}")
    for through in LINKS:
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"search_{through}")
    for model in CARRIERS:
        uid = f"search_name_{model.__name__}"
        pre_save.connect(_remember_name, sender=model, dispatch_uid=uid)
        post_save.connect(_renamed, sender=model, dispatch_uid=uid)
