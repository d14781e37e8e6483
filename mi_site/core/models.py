"""The kernel's own tables: the audit log, revision states and share links.

They point at content through content types, so the kernel knows nothing of the apps.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Action(models.TextChoices):
    CREATE = "create", "Created"
    EDIT = "edit", "Edited"
    SUBMIT = "submit", "Submitted for review"
    APPROVE = "approve", "Approved changes"
    REJECT = "reject", "Sent back"
    PUBLISH = "publish", "Published"
    SCHEDULE = "schedule", "Scheduled"
    UNPUBLISH = "unpublish", "Unpublished"
    ARCHIVE = "archive", "Archived"
    UNARCHIVE = "unarchive", "Restored from the archive"
    RESTORE = "restore", "Restored an old version"
    DELETE = "delete", "Deleted"
    SHARE = "share", "Made a share link"
    UNSHARE = "unshare", "Revoked a share link"
    ROLES = "roles", "Changed roles"


class AuditEntry(models.Model):
    """One thing someone did, kept for good: rows are only ever added."""

    at = models.DateTimeField("when", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept as text too: the account or the item may be deleted later, the record may not.
    username = models.CharField("who", max_length=150)
    action = models.CharField(max_length=16, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, verbose_name="type"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField("item", max_length=300)
    item = GenericForeignKey("content_type", "object_id")
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit log entry"
        verbose_name_plural = "audit log"
        indexes = [models.Index(fields=["content_type", "object_id", "-at"], name="audit_item")]

    def __str__(self):
        return f"{self.username} {self.get_action_display().lower()} {self.object_repr}"


class Kind(models.TextChoices):
    SAVED = "saved", "Saved"
    PENDING = "pending", "Waiting for review"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Sent back"
    SUPERSEDED = "superseded", "Replaced by a later change"


class RevisionState(models.Model):
    """What a stored version is: a saved state of the item, or a change waiting for review
    (and what became of it). django-reversion keeps the versions themselves."""

    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, primary_key=True, related_name="state"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SAVED)

    class Meta:
        ordering = ["-revision_id"]
        indexes = [models.Index(fields=["content_type", "object_id", "kind"], name="revision_item")]

    def __str__(self):
        return f"{self.get_kind_display()} revision {self.revision_id}"


class ShareLink(models.Model):
    """A read-only link to the preview of an item, for someone outside the admin. The address
    carries a signed id (mi_site/core/sharing.py); expiry and revocation are checked here."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    item = GenericForeignKey("content_type", "object_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="sharelink_item")]

    def __str__(self):
        return f"Share link {self.pk} to {self.content_type.model} {self.object_id}"
