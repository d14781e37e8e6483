"""Cleaning images stored before every image was cleaned on its way in (CleanImageField).

`clean_stored(storage, name)` reads a stored file, and when it still carries anything a clean
copy would not — EXIF (camera, GPS position, orientation), XMP, a comment, PNG text, or bytes
after the end of the image — replaces it with `clean_copy()` under the same name (rich text and
renditions name files, so the address must not change). A file that is already clean is left
as it is (so running again changes nothing and never re-compresses a photo); one that is not
a usable image is reported, never deleted.

It works on a storage and a file name, not on a model, so the `clean_images` command and the
migrations that adopted old files into the media library (images/migrations/_adopt.py) share it
without a migration ever touching today's models.
"""

import io
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image

from mi_site.core.images import clean_copy, image_format_of, validate_image

# Metadata keys Pillow reports that a clean copy never has.
METADATA = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "applist"}
# How each format's data ends; anything after it was appended (an HTML page, a script).
ENDINGS = {"JPEG": b"\xff\xd9", "PNG": b"IEND\xaeB`\x82", "GIF": b";"}


@dataclass(frozen=True)
class Outcome:
    name: str  # the file's name now
    changed: bool
    problem: str = ""
    size: tuple[int, int] | None = None  # of the clean copy, when one was made


def needs_cleaning(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        if METADATA & set(image.info) or getattr(image, "text", None) or image.getexif():
            return True
        ending = ENDINGS.get(image.format)
        if ending is not None:
            return not data.endswith(ending)
        if image.format == "WEBP":  # RIFF: the header gives the length
            return int.from_bytes(data[4:8], "little") + 8 != len(data)
    return False


def clean_stored(storage, name: str) -> Outcome:
    try:
        with storage.open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return Outcome(name, False, f"cannot be read: {error}")
    upload = ContentFile(data, name=PurePosixPath(name).name)
    try:
        extension = validate_image(upload)
    except ValidationError as error:
        return Outcome(name, False, " ".join(error.messages))
    if not needs_cleaning(data):
        return Outcome(name, False)
    copy = clean_copy(upload, image_format_of(extension))  # made before the original goes
    with Image.open(copy) as clean:
        size = clean.size
    copy.seek(0)
    storage.delete(name)
    return Outcome(storage.save(name, copy), True, size=size)
