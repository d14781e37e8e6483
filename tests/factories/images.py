import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from images.models import Image as LibraryImage


def image_bytes(fmt: str = "JPEG", size: tuple[int, int] = (40, 30), color="#005a8c") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt)
    return buffer.getvalue()


def image_file(name: str = "photo.jpg", fmt: str = "JPEG", **kwargs) -> SimpleUploadedFile:
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp",
                    "GIF": "image/gif"}.get(fmt, "application/octet-stream")  # fmt: skip
    return SimpleUploadedFile(name, image_bytes(fmt, **kwargs), content_type=content_type)


def library_image(name: str = "photo.jpg", fmt: str = "JPEG", *, alt_text: str = "", **kwargs):
    """A media-library image (images.models.Image) holding a generated picture."""
    return LibraryImage.objects.create(file=image_file(name, fmt, **kwargs), alt_text=alt_text)
