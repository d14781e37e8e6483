"""The one gate every image passes on its way in: hero images, photos, logos, editor uploads.

`validate_image()` proves the file is a real JPEG, PNG, WebP or GIF that Pillow can open,
verify and decode, within size and pixel limits (decompression bombs are refused), and says
plainly what is wrong otherwise. Stored files get a new random name: nothing of the
uploader's file name reaches a URL. `clean_copy()` re-encodes an upload with its EXIF
orientation applied and its metadata (camera, GPS location) left behind.
"""

import io
import uuid
from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from PIL import Image, ImageCms, ImageOps, ImageSequence, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MAX_BYTES = 15 * 1024 * 1024
# A 40-megapixel photo decodes to about 160 MB; anything larger is refused before decoding.
MAX_PIXELS = 40_000_000
ACCEPTED = "Use a JPEG, PNG, WebP or GIF image."


def validate_image(file) -> str:
    """Raise ValidationError unless `file` is an acceptable image; return its extension."""
    if getattr(file, "_committed", False):
        # A file already in storage was checked on its way in; an unchanged image field
        # must not be re-decoded (or fail on a missing file) on every save.
        return PurePath(file.name).suffix.lower()
    _check_size(file)
    try:
        image_format = _check_image(file)
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:
        raise _too_many_pixels() from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _unreadable(file) from exc
    finally:
        file.seek(0)
    return ALLOWED_FORMATS[image_format]


def _check_size(file) -> None:
    if file.size is not None and file.size > MAX_BYTES:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(max)s.",
            code="too_large",
            params={"size": filesizeformat(file.size), "max": filesizeformat(MAX_BYTES)},
        )


def _check_image(file) -> str:
    file.seek(0)
    with Image.open(file) as image:
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(
                "%(format)s images are not accepted. " + ACCEPTED,
                code="bad_format",
                params={"format": image.format},
            )
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise _too_many_pixels(width, height)
        image_format = image.format
    try:
        _decode(file, width, height)
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ValidationError(
            "This %(format)s image is damaged or incomplete: it could not be read to the end. "
            "Export or download it again and retry.",
            code="damaged",
            params={"format": image_format},
        ) from exc
    return image_format


def _decode(file, width: int, height: int) -> None:
    file.seek(0)
    with Image.open(file) as image:
        image.verify()  # PNG: every chunk's checksum
    file.seek(0)
    with Image.open(file) as image:
        # Decoding all the data is what finds a truncated or corrupt file. A JPEG decodes at
        # 1/8 scale (every byte is still read), which keeps memory and time small.
        image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
        image.load()


def _too_many_pixels(width: int | None = None, height: int | None = None) -> ValidationError:
    size = f"{width:,} by {height:,} pixels" if width else "larger than we can safely open"
    return ValidationError(
        "This image is %(size)s; images may have at most %(max)s pixels in all. Make it "
        "smaller and retry.",
        code="too_many_pixels",
        params={"size": size, "max": f"{MAX_PIXELS:,}"},
    )


def _unreadable(file) -> ValidationError:
    file.seek(0)
    head = file.read(1024).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    name = (getattr(file, "name", "") or "").lower()
    if (
        head.startswith(b"<svg")
        or (head.startswith(b"<?xml") and b"<svg" in head)
        or (name.endswith((".svg", ".svgz")))
    ):
        return ValidationError(
            "SVG images are not accepted: they can carry scripts. " + ACCEPTED, code="svg"
        )
    return ValidationError(
        "This file is not an image we can use: it could not be opened as a JPEG, PNG, WebP or "
        "GIF image.",
        code="not_an_image",
    )


def _animation(image, image_format: str) -> bytes:
    """Every frame re-encoded, with its timing and disposal, and no comment, EXIF or XMP:
    bytes appended after the image (an HTML page, a script) are left behind too."""
    frames, durations, disposals = [], [], []
    for frame in ImageSequence.Iterator(image):
        durations.append(frame.info.get("duration", 100))
        disposals.append(frame.info.get("disposal", getattr(frame, "disposal_method", 0)))
        copy = frame.convert("RGBA")
        copy.info = {}  # Pillow writes a comment (and more) it finds here
        frames.append(copy)
    options = {"save_all": True, "append_images": frames[1:], "duration": durations,
               "loop": image.info.get("loop", 0)}  # fmt: skip
    if image_format == "GIF":
        options.update(disposal=disposals, optimize=False)
    else:
        options.update(lossless=True)
    buffer = io.BytesIO()
    frames[0].save(buffer, format=image_format, **options)
    return buffer.getvalue()


def clean_copy(file, image_format: str) -> ContentFile:
    """A validated image re-encoded upright and without metadata: EXIF (camera, GPS), XMP,
    comments, PNG text chunks, and whatever was appended after the image data.

    Animations (GIF, animated WebP) keep every frame and its timing. The colour profile stays:
    it is needed to show the colours right.
    """
    file.seek(0)
    with Image.open(file) as image:
        if getattr(image, "n_frames", 1) > 1:
            data = _animation(image, image_format)
            file.seek(0)
            return ContentFile(data)
        profile = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image)
        if image_format == "GIF":
            upright = upright.convert("RGBA" if "transparency" in image.info else "RGB")
        upright.info = {}  # Pillow writes the comment, EXIF or XMP it finds here
        if image_format == "JPEG" and upright.mode not in {"RGB", "L"}:
            upright, profile = _to_rgb(upright, profile)
        options = {"quality": 90} if image_format in {"JPEG", "WEBP"} else {"optimize": True}
        if profile:
            options["icc_profile"] = profile
        buffer = io.BytesIO()
        upright.save(buffer, format=image_format, **options)
    file.seek(0)
    return ContentFile(buffer.getvalue())


def _to_rgb(image, profile: bytes | None) -> tuple[Image.Image, bytes | None]:
    """A CMYK (or other) photo as RGB for browsers. With its colour profile, colours are
    converted through it to sRGB; the profile, which describes the old colours, is not kept
    (a browser would read RGB values through a CMYK profile and show them wrong)."""
    if image.mode == "CMYK" and profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.createProfile("sRGB")
            return ImageCms.profileToProfile(image, source, srgb, outputMode="RGB"), None
        except (OSError, ValueError, TypeError, ImageCms.PyCMSError):
            pass
    return image.convert("RGB"), None


def image_format_of(extension: str) -> str:
    """The Pillow format name for an extension `validate_image()` returned."""
    return {ext: fmt for fmt, ext in ALLOWED_FORMATS.items()}[extension]


class ImageFormField(forms.ImageField):
    """An image input that answers with validate_image()'s messages ("SVG images are not
    accepted", "This image is 9,000 by 6,000 pixels...") instead of Django's generic "Upload a
    valid image". For admin `formfield_overrides` on `models.ImageField`."""

    def to_python(self, data):
        if data not in self.empty_values:
            validate_image(data)
        return super().to_python(data)


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


class CleanImageField(models.ImageField):
    """The image field of every model: a new file passes `validate_image()` and is stored as
    `clean_copy()` makes it, so no path — the admin, a script, an import — keeps a photo's GPS
    position, a camera's serial number or bytes hidden after the image."""

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            extension = validate_image(file.file)
            file.save(file.name, clean_copy(file.file, image_format_of(extension)), save=False)
        return super().pre_save(model_instance, add)
