"""The kernel's own tables: the audit log, revision states, share links and redirects.

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


class Redirect(models.Model):
    """An old address that answers with a redirect, looked up only when the site has nothing
    at that address (mi_site/core/redirects.py)."""

    old_path = models.CharField(
        "old address", max_length=500,
        help_text="A path on this site, e.g. /news-activities/news-details/2014/12/14/mekong/ "
        "or /?p=15411. A full address (https://archive.mekonginstitute.org/…) keeps its path.",
    )  # fmt: skip
    old_query = models.CharField(
        "query parameters", max_length=500, blank=True, editable=False,
        help_text="The parameters that select the old page, sorted (utm_*, cHash and other "
        "tracking parameters are ignored). Empty: the path answers whatever its query.",
    )  # fmt: skip
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, verbose_name="item type"
    )
    object_id = models.CharField(max_length=64, blank=True)
    item = GenericForeignKey("content_type", "object_id")
    target_path = models.CharField(
        "new address", max_length=500, blank=True, db_index=True,  # chains are found by it
        help_text="A path on this site (/news/) or a full address (https://…). A path that "
        "shows an article, profile, program, partner or page is stored as that item, so the "
        "redirect follows it if its address changes again.",
    )  # fmt: skip
    permanent = models.BooleanField(
        default=True,
        help_text="Permanent (301): search engines move the old address's standing to the new "
        "one. Untick for a temporary redirect (302).",
    )
    automatic = models.BooleanField(
        default=False,
        editable=False,
        help_text="Made by the site when an item's address changed, or by an import.",
    )
    hits = models.PositiveIntegerField(default=0, editable=False)
    last_hit = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["old_path", "old_query"]
        constraints = [
            models.UniqueConstraint(fields=["old_path", "old_query"], name="redirect_old_address")
        ]
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_item")]

    def __str__(self):
        return self.old_address

    @property
    def old_address(self) -> str:
        return f"{self.old_path}?{self.old_query}" if self.old_query else self.old_path

    def target_url(self) -> str | None:
        """Where the redirect sends readers now; None when its item is gone or not public (a
        redirect never reveals a draft's address)."""
        if not self.content_type_id:
            return self.target_path or None
        model = self.content_type.model_class()
        if model is None:
            return None
        from .redirects import public_rows

        item = public_rows(model).filter(pk=self.object_id).first()
        return item.get_absolute_url() if item is not None else None

    def collapse_chains(self) -> None:
        """No redirect points at another redirect: this one goes where the next one goes, and
        those pointing at this one's old address go where this one does. Where following would
        lead back to the start, the newer instruction wins and the older redirect goes."""
        from . import redirects

        if self.target_path.startswith("/"):
            target = redirects.split(self.target_path)[0]
            nxt = Redirect.objects.filter(old_path=target, old_query="").exclude(pk=self.pk)
            nxt = nxt.first()
            if nxt is not None:
                onward = nxt.target_url()
                if onward and redirects.split(onward) == (self.old_path, self.old_query):
                    nxt.delete()  # B -> A stood; A -> B is newer: B is a page again
                else:
                    for name in ("content_type_id", "object_id", "target_path"):
                        setattr(self, name, getattr(nxt, name))
                    self.save(update_fields=["content_type", "object_id", "target_path"])
        if self.old_query:
            return
        pointing = Redirect.objects.exclude(pk=self.pk).filter(
            content_type=None, target_path__in=[self.old_path, self.old_path + "/"]
        )
        ends = self.target_url()
        loops = redirects.split(ends)[0] if ends and ends.startswith("/") else None
        pointing.filter(old_path=loops, old_query="").delete()
        pointing.update(
            content_type=self.content_type, object_id=self.object_id, target_path=self.target_path
        )
