"""Staff-only endpoints of the kernel: the rich-text editor's image upload."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_POST

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
