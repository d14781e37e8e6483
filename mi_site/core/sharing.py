"""Share links: a publisher lets someone outside the admin read an item's preview.

The address holds the link's id signed with the site's secret, so links cannot be guessed or
enumerated; each link expires (SHARE_LINK_DAYS, 7 by default) and can be revoked at once.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from . import audit
from .models import Action, ShareLink

SALT = "mi_site.share-link"


def make(item, *, user, days: int | None = None) -> ShareLink:
    days = days or settings.SHARE_LINK_DAYS
    link = ShareLink.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=str(item.pk),
        created_by=user,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit.record(user, Action.SHARE, item, comment=f"valid until {link.expires_at:%Y-%m-%d %H:%M}")
    return link


def revoke(link: ShareLink, *, user) -> None:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        audit.record(user, Action.UNSHARE, link.item, label=str(link))


def path_of(link: ShareLink) -> str:
    return reverse("share-link", args=[signing.dumps(link.pk, salt=SALT)])


def open_link(token: str) -> ShareLink | None:
    """The link behind `token` if it is genuine, unexpired and not revoked."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return (
        ShareLink.objects.filter(pk=pk, revoked_at__isnull=True, expires_at__gt=timezone.now())
        .select_related("content_type")
        .first()
    )


def active_for(item):
    return ShareLink.objects.filter(
        content_type=ContentType.objects.get_for_model(item),
        object_id=str(item.pk),
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
