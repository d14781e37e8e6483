"""The kernel's own endpoints: the public mixins that fix what a page may show, and what a
share link shows. (The rich-text editor's image upload is the media library's:
images/views.py.)"""

from django.http import Http404
from django.utils import timezone
from django.views.decorators.http import require_safe

from . import previews, revisions, sharing


class LiveMixin:
    """Public views: only live rows, whatever the view (the one `live()` rule)."""

    def get_queryset(self):
        return super().get_queryset().live()


class ReachableMixin:
    """Public detail pages: live and archived items (the page says it is archived), and, in a
    preview, the one item previewed whatever its state."""

    def get_queryset(self):
        queryset = super().get_queryset()
        preview = previews.current(self.request)
        if preview is not None and isinstance(preview.item, queryset.model):
            return queryset.filter(pk=preview.item.pk)
        return queryset.reachable()


@require_safe
def shared_preview(request, token: str):
    """What a share link shows: the item's preview (with any change waiting for review), for
    anyone holding an unexpired, unrevoked link; a 404 for everything else."""
    link = sharing.open_link(token)
    item = link.item if link is not None else None
    if item is None:
        raise Http404("This share link is not valid: it may have expired or been revoked.")
    until = timezone.localtime(link.expires_at)
    note = f"shared until {until:%d %b %Y}"
    change = revisions.pending(item)
    if change is None:
        response = previews.render(request, item, label="Shared preview", note=note)
    else:
        with revisions.applied(item, change) as changed:
            response = previews.render(request, changed, label="Shared preview", note=note)
    # The token is the key: never hand it to the sites the page links to.
    response["Referrer-Policy"] = "no-referrer"
    return response
