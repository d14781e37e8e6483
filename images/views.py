"""The rich-text editor's image upload: a dropped image becomes a media library image.

CKEditor 5's simple upload adapter posts the file as `upload` (with the CSRF token in the
X-CSRFToken header) and shows `{"error": {"message": ...}}` to the editor, or places
`{"url": ...}`. A picture already in the library (the same bytes uploaded before) is answered
with that image's address, not stored twice. Every refusal answers that way, with the gate's
own message (mi_site/core/images.py), and leaves no file behind: the file is checked before
anything is written, and a save that fails after writing removes what it wrote.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import JsonResponse

from mi_site.core.images import validate_image

from .models import Image


def may_upload(user) -> bool:
    return (
        user.is_active
        and user.is_staff
        and any(user.has_perm(perm) for perm in settings.RICHTEXT_UPLOAD_PERMISSIONS)
    )


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


def editor_upload(request):
    """Store a clean copy of the dropped image as a library image (title from the file's name,
    uploaded by the user) and answer with its address."""
    if request.method != "POST":
        response = _error("Images are uploaded with POST.", 405)
        response["Allow"] = "POST"
        return response
    if not may_upload(request.user):
        return _error("You do not have permission to upload images.", 403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error("No file was received. Please try again.", 400)
    try:
        validate_image(upload)  # before anything is written
        # The same picture dropped in again is the library image it already is.
        image = Image.same_upload(upload) or _save(Image(file=upload, uploaded_by=request.user))
    except ValidationError as exc:
        return _error(" ".join(exc.messages), 400)
    return JsonResponse({"url": image.url})


def _save(image: Image) -> Image:
    try:
        with transaction.atomic():
            image.save()
    except BaseException:
        if image.file and image.file._committed:
            image.file.storage.delete(image.file.name)  # written, but the row is not
        raise
    return image
