"""Writing the audit log: one function, called by the workflow and the admin."""

from django.contrib.contenttypes.models import ContentType

from .models import Action, AuditEntry


def record(user, action: Action, item=None, *, comment: str = "", label: str = "") -> AuditEntry:
    """Note that `user` did `action` to `item` (or to what `label` names, for non-models)."""
    return AuditEntry.objects.create(
        user=user if user is not None and user.pk else None,
        username=user.get_username() if user is not None else "system",
        action=action,
        content_type=ContentType.objects.get_for_model(item) if item is not None else None,
        object_id=str(item.pk) if item is not None else "",
        object_repr=(label or str(item))[:300],
        comment=comment,
    )


def last_change(item) -> AuditEntry | None:
    """The most recent entry about `item`: who touched it last, and when."""
    return (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=str(item.pk)
        )
        .exclude(action__in=[Action.SHARE, Action.UNSHARE])
        .first()
    )


def authors_of(item, *, limit: int = 5) -> list:
    """The people who last created, edited or submitted `item`, most recent first."""
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(item),
        object_id=str(item.pk),
        action__in=[Action.CREATE, Action.EDIT, Action.SUBMIT],
        user__isnull=False,
    ).select_related("user")
    authors = []
    for entry in entries[:50]:
        if entry.user not in authors:
            authors.append(entry.user)
    return authors[:limit]
