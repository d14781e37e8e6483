"""E-mails the workflow sends: publishers hear of submissions, editors of rejections.

Sent after the transaction commits, so a rolled-back action mails no one. The console
backend prints them in development; production sends through SMTP (README, configuration).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse

from . import audit


def admin_url(item, view: str = "change") -> str:
    opts = item._meta
    path = reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[item.pk])
    return settings.SITE_URL.rstrip("/") + path


def publishers_of(item):
    opts = item._meta
    return (
        get_user_model()
        .objects.with_perm(
            f"{opts.app_label}.publish_{opts.model_name}",
            is_active=True,
            include_superusers=False,
            # Named because the login-lockout backend (django-axes) comes first in the list.
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .exclude(email="")
    )


def _send(subject: str, body: str, recipients: list[str]) -> None:
    # A title may hold a line break (a crafted POST); in a header it would make Django refuse
    # the message with BadHeaderError after the commit, a 500 for the person who clicked.
    subject = " ".join(subject.split())[:150]
    if recipients:
        messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [to]) for to in recipients]
        transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=True))


def submitted(item, *, by, comment: str = "", change: bool = False) -> None:
    """Tell every publisher of this kind of item that `by` asks for it to be published."""
    kind = item._meta.verbose_name
    what = "a change to the live" if change else "the"
    lines = [
        f"{by.get_full_name() or by.get_username()} submitted {what} {kind} "
        f"\u201c{item}\u201d for review.",
        "",
        f"Review it: {admin_url(item)}",
        f"Compare with the published version: {admin_url(item, 'compare')}"
        if change
        else f"Its history: {admin_url(item, 'history')}",
    ]
    if comment:
        lines[1:1] = ["", f"Their note: {comment}"]
    recipients = [u.email for u in publishers_of(item) if u.pk != by.pk]
    _send(f"For review: {item}", "\n".join(lines), recipients)


def rejected(item, *, by, comment: str) -> None:
    """Tell the editors who last worked on the item why it was sent back."""
    body = "\n".join(
        [
            f"{by.get_full_name() or by.get_username()} sent \u201c{item}\u201d back to you:",
            "",
            comment,
            "",
            f"Edit it: {admin_url(item)}",
        ]
    )
    recipients = [u.email for u in audit.authors_of(item) if u.pk != by.pk and u.email]
    _send(f"Sent back: {item}", body, recipients)
