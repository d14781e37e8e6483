"""The kernel's own endpoints: the rich-text editor's image upload (staff), the public
mixins that fix what a page may show, and what a share link shows."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from . import previews, revisions, sharing
from .images import clean_copy, image_format_of, random_path, validate_image


def may_upload(user) -> bool:
    return (
        user.is_active
        and user.is_staff
        and any(user.has_perm(perm) for perm in settings.RICHTEXT_UPLOAD_PERMISSIONS)
    )


def _error(message: str, status: int) -> JsonResponse:
    # CKEditor 5's upload adapter shows `error.message` to the editor.
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def richtext_image_upload(request):
    """Receive an image dropped into CKEditor; answer with its URL or a readable error.

    CSRF-protected like any POST: CKEditor sends the token in the X-CSRFToken header. What is
    stored is a clean re-encoded copy under a new random name, never the uploaded bytes.
    """
    if not may_upload(request.user):
        return _error("You do not have permission to upload images.", 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error("No file was received. Please try again.", 400)
    try:
        ext = validate_image(upload)
    except ValidationError as exc:
        return _error(" ".join(exc.messages), 400)
    copy = clean_copy(upload, image_format_of(ext))
    name = default_storage.save(random_path("editor", f"upload{ext}"), copy)
    return JsonResponse({"url": default_storage.url(name)})


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
