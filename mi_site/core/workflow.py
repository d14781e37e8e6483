"""Every change of publishing state, with its permission check, in one place.

Admin buttons, bulk actions, commands and tests all call these functions; nothing else changes
`status`. Each takes the item and the acting user, checks the permission for that item, moves
it in one short transaction with the row locked, and writes the audit log. A refusal is a
`WorkflowError` whose message is written for the person who clicked.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from . import audit, notifications, revisions
from .models import Action
from .publishing import State, Status
from .times import to_the_second


class WorkflowError(Exception):
    """An action that may not be done to this item, by this user, now."""


def may_edit(user, item) -> bool:
    opts = item._meta
    return user.is_active and user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def may_publish(user, item) -> bool:
    opts = item._meta
    return user.is_active and user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def _need(allowed: bool, message: str) -> None:
    if not allowed:
        raise WorkflowError(message)


def _locked(item):
    """The item's row as stored now, locked until the transaction ends."""
    return type(item)._default_manager.select_for_update().get(pk=item.pk)


def _save(item, current, action: Action, user, comment: str = "", **changes) -> None:
    for name, value in changes.items():
        setattr(current, name, value)
    current.save(update_fields=[*changes, "updated_at"])
    for name in (*changes, "updated_at"):
        setattr(item, name, getattr(current, name))
    audit.record(user, action, current, comment=comment)


def _approve(current, pending, user):
    approved = revisions.approve(current, pending, user=user)
    record_approval(approved, pending, user=user)
    return approved


def record_approval(item, change, *, user) -> None:
    """The audit entry for a change waiting for review that `user` made live."""
    by = change.user.get_username() if change.user else "someone"
    audit.record(user, Action.APPROVE, item, comment=f"the change {by} submitted")


def submit(item, *, user, comment: str = "") -> None:
    """An editor asks for a draft to be published; the publishers are told."""
    _need(may_edit(user, item), "You may not edit this item.")
    with transaction.atomic():
        current = _locked(item)
        _need(
            current.status == Status.DRAFT,
            f"Only a draft can be submitted; this item is {current.state.label.lower()}.",
        )
        _save(item, current, Action.SUBMIT, user, comment, status=Status.REVIEW)
        notifications.submitted(current, by=user, comment=comment)


def publish(item, *, user) -> None:
    """Approve and publish now: the item (and any change waiting for review) goes live."""
    _need(may_publish(user, item), "You may not publish this item.")
    with transaction.atomic():
        current = _locked(item)
        pending = revisions.pending(current)
        if pending is not None:
            current = _approve(current, pending, user)
        elif current.state == State.LIVE:
            raise WorkflowError("This item is already live.")
        now = to_the_second(timezone.now())
        # A time already past (an item published before, or dated on import) is kept.
        publish_at = current.publish_at
        if publish_at is None or publish_at > now:
            publish_at = now
        expire_at = current.expire_at if current.expire_at and current.expire_at > now else None
        _save(
            item,
            current,
            Action.PUBLISH,
            user,
            status=Status.PUBLISHED,
            publish_at=publish_at,
            expire_at=expire_at,
        )


def schedule(item, *, user, at: datetime) -> None:
    """Publish at a future time; the item goes live by itself then, no cron needed."""
    _need(may_publish(user, item), "You may not schedule this item.")
    at = to_the_second(at)
    _need(at > timezone.now(), "Pick a time in the future to schedule the item.")
    with transaction.atomic():
        current = _locked(item)
        _need(
            current.expire_at is None or current.expire_at > at,
            "The expiry time is before the scheduled time; change or clear it first.",
        )
        pending = revisions.pending(current)
        if pending is not None:
            current = _approve(current, pending, user)
        _save(
            item,
            current,
            Action.SCHEDULE,
            user,
            comment=f"for {timezone.localtime(at):%Y-%m-%d %H:%M}",
            status=Status.PUBLISHED,
            publish_at=at,
        )


def unpublish(item, *, user) -> None:
    """Take a published (live, scheduled or expired) item off the site, back to draft."""
    _need(may_publish(user, item), "You may not unpublish this item.")
    with transaction.atomic():
        current = _locked(item)
        _need(current.status == Status.PUBLISHED, "Only a published item can be unpublished.")
        _save(item, current, Action.UNPUBLISH, user, status=Status.DRAFT)


def reject(item, *, user, comment: str) -> None:
    """Send a submission back to its editor with a comment: a draft waiting for review goes
    back to draft; a change to a live item is set aside and the live version stays."""
    _need(may_publish(user, item), "You may not review this item.")
    _need(bool(comment.strip()), "Say what needs to change: the editor sees your comment.")
    with transaction.atomic():
        current = _locked(item)
        pending = revisions.pending(current)
        if pending is not None:
            revisions.reject(pending)
            audit.record(user, Action.REJECT, current, comment=comment)
        else:
            _need(current.status == Status.REVIEW, "This item is not waiting for review.")
            _save(item, current, Action.REJECT, user, comment, status=Status.DRAFT)
        notifications.rejected(current, by=user, comment=comment)


def archive(item, *, user) -> None:
    """Keep the item at its address with an "archived" notice, out of lists and feeds."""
    _need(may_publish(user, item), "You may not archive this item.")
    with transaction.atomic():
        current = _locked(item)
        _need(current.status != Status.ARCHIVED, "This item is already archived.")
        _save(item, current, Action.ARCHIVE, user, status=Status.ARCHIVED)


def unarchive(item, *, user) -> None:
    """Bring an archived item back as a draft."""
    _need(may_publish(user, item), "You may not restore this item.")
    with transaction.atomic():
        current = _locked(item)
        _need(current.status == Status.ARCHIVED, "Only an archived item can be restored.")
        _save(item, current, Action.UNARCHIVE, user, status=Status.DRAFT)


@dataclass
class BulkReport:
    done: list = field(default_factory=list)
    skipped: list[tuple[object, str]] = field(default_factory=list)


def for_each(action, items, *, user, **kwargs) -> BulkReport:
    """Run one action over many items; each is checked on its own, and a refusal skips that
    item with its reason instead of stopping the rest."""
    report = BulkReport()
    for item in items:
        try:
            action(item, user=user, **kwargs)
        except WorkflowError as refusal:
            report.skipped.append((item, str(refusal)))
        else:
            report.done.append(item)
    return report


def restore_version(item, *, user, revision) -> None:
    """Put an old version back as a new draft; on a published item, as a change waiting for
    review, never straight over what the public sees."""
    _need(may_edit(user, item), "You may not edit this item.")
    with transaction.atomic():
        current = _locked(item)
        _need(revisions.is_of(revision, current), "That version belongs to another item.")
        comment = (
            f"Restored the version of {timezone.localtime(revision.date_created):%Y-%m-%d %H:%M}"
        )
        if current.status in (Status.PUBLISHED, Status.ARCHIVED):
            savepoint = revisions.begin_proposal()
            restored = revisions.apply(current, revision)
            revisions.finish_proposal(restored, savepoint, user=user, comment=comment)
            notifications.submitted(current, by=user, comment=comment, change=True)
        else:
            restored = revisions.apply(current, revision)
            _save(item, restored, Action.RESTORE, user, comment, status=Status.DRAFT)
            revisions.record(restored, user=user, comment=comment)
            return
        audit.record(user, Action.RESTORE, current, comment=comment)
