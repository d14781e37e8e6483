"""The one gate every image passes on its way in: hero images, photos, logos, editor uploads.

`validate_image()` proves the file is a real JPEG, PNG, WebP or GIF that Pillow can open and
verify, within size and pixel limits (decompression bombs are refused), and says plainly what
is wrong otherwise. Stored files get a new random name: nothing of the uploader's file name
reaches a URL.
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import Image, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000


def validate_image(file) -> str:
    """Raise ValidationError unless `file` is an acceptable image; return its extension."""
    if file.size is not None and file.size > MAX_BYTES:
        raise ValidationError(
            "This file is %(size).1f MB; images may be at most %(max)d MB.",
            code="too_large",
            params={"size": file.size / 1024 / 1024, "max": MAX_BYTES // 1024 // 1024},
        )
    try:
        file.seek(0)
        with Image.open(file) as image:
            image_format = image.format
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    "This image is %(w)d by %(h)d pixels; images may have at most %(max)d "
                    "megapixels.",
                    code="too_many_pixels",
                    params={"w": width, "h": height, "max": MAX_PIXELS // 1_000_000},
                )
            image.verify()
    except ValidationError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError) as exc:
        raise ValidationError(
            "This file is not an image we can use (it could not be opened as JPEG, PNG, "
            "WebP or GIF).",
            code="not_an_image",
        ) from exc
    finally:
        file.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            "%(format)s images are not accepted: use JPEG, PNG, WebP or GIF.",
            code="bad_format",
            params={"format": image_format or "This kind of"},
        )
    return ALLOWED_FORMATS[image_format]


@deconstructible
class RandomName:
    """`upload_to` callable: `<folder>/<year>/<random hex><original extension>`."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return random_path(self.folder, filename)

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def random_path(folder: str, filename: str) -> str:
    ext = PurePath(filename).suffix.lower()
    if ext not in {".jpg", ".jpeg", ".png", ".webp", ".gif"}:
        ext = ""
    return f"{folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{ext}"
