"""Renditions: the smaller copies of a library image that pages actually send.

What is made, once per file, after the transaction that saved it commits (signals.py), or by
`manage.py rebuild_renditions`; never while a reader waits:

- crops: "full" (the image's own proportions), "wide" (16:9) and "square" (1:1, staff photos),
  the last two cut around the focal point (`focal_x`/`focal_y`, percent), as far as the edges
  allow;
- widths: 320, 640, 960, 1280 and 1920 pixels, never wider than the crop (a crop narrower than
  320 gets one rendition at its own width);
- formats: WebP (quality 80, method 4) and a fallback in the original format: JPEG (quality 82,
  progressive, optimised) for a JPEG, PNG (optimised, transparency kept) for a PNG or a still
  GIF. A WebP original gets WebP only. An animated GIF or WebP gets none: pages show the
  (clean) original, with its frames; resizing every frame costs more than these rare images
  are worth. The colour profile is kept when it fits the colour mode.

Where: through the file's own storage (`image.file.storage`: local media or S3 alike; no local
path is ever used), named after the source file, `renditions/<source dir>/<source stem>-<crop>-
<width>.<ext>`. Library files get a new random name when replaced, so a replaced image never
serves a stale copy from a browser or CDN cache.

The record: `image.renditions` says what exists, so a page builds `srcset` without asking the
storage or opening a file::

    {"source": "images/2026/ab12.jpg",
     "sizes": {"full": [[320, 213], [640, 427], ...], "wide": [[320, 180], ...], ...},
     "formats": ["webp", "jpg"]}  # the fallback format last

It is written with a queryset `update()` (no save, no signal loop), only while the row still
holds the same file. A record whose "source" is not the current file name counts as none:
pages then show the original (`current()`).
"""

import io
import logging
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps

from mi_site.core import contentversion
from mi_site.core.progress import NoProgress

from .models import Image

logger = logging.getLogger(__name__)

WIDTHS = (320, 640, 960, 1280, 1920)
CROPS = {"full": None, "wide": (16, 9), "square": (1, 1)}
FOLDER = "renditions"
MIME_TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class Encoding:
    format: str  # Pillow's name
    options: dict


ENCODINGS = {
    "webp": Encoding("WEBP", {"quality": 80, "method": 4}),
    "jpg": Encoding("JPEG", {"quality": 82, "progressive": True, "optimize": True}),
    "png": Encoding("PNG", {"optimize": True}),
}
FALLBACKS = {"JPEG": "jpg", "PNG": "png", "GIF": "png", "WEBP": None}


# --- What exists ---------------------------------------------------------------------------


def current(image: Image) -> dict | None:
    """The image's renditions record if it describes its present file, else None."""
    record = image.renditions or {}
    if image.file and record.get("source") == image.file.name:
        return record
    return None


def name(source: str, crop: str, width: int, ext: str) -> str:
    """`images/2026/ab12.jpg` -> `renditions/images/2026/ab12-wide-640.webp`."""
    path = PurePosixPath(source)
    return str(PurePosixPath(FOLDER) / path.parent / f"{path.stem}-{crop}-{width}.{ext}")


def names(record: dict) -> list[str]:
    """Every file a record says exists."""
    source = record.get("source")
    if not source:
        return []
    return [
        name(source, crop, width, ext)
        for crop, sizes in (record.get("sizes") or {}).items()
        for width, _height in sizes
        for ext in record.get("formats") or ()
    ]


# --- Geometry ------------------------------------------------------------------------------


def widths(crop_width: int) -> list[int]:
    """The rendition widths for a crop this wide: never wider than it, at least one."""
    return [w for w in WIDTHS if w <= crop_width] or [crop_width]


def crop_box(
    width: int, height: int, ratio: tuple[int, int] | None, focal_x: int = 50, focal_y: int = 50
) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the largest `ratio` cut of a width x height image, centred
    on the focal point (percent) as far as the edges allow. None: the whole image."""
    if ratio is None:
        return (0, 0, width, height)
    rw, rh = ratio
    if width * rh > height * rw:  # wider than the ratio: cut the sides
        crop_w, crop_h = height * rw / rh, height
    else:  # taller: cut top and bottom
        crop_w, crop_h = width, width * rh / rw
    left = min(max(width * focal_x / 100 - crop_w / 2, 0), width - crop_w)
    top = min(max(height * focal_y / 100 - crop_h / 2, 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def sizes_of(box: tuple[float, float, float, float]) -> list[list[int]]:
    """[[width, height], ...] of the renditions of a crop, smallest first."""
    crop_w, crop_h = box[2] - box[0], box[3] - box[1]
    return [[w, max(1, round(w * crop_h / crop_w))] for w in widths(max(1, round(crop_w)))]


# --- Making --------------------------------------------------------------------------------


def make(image: Image) -> dict:
    """Make every rendition of the image's present file, record them and return the record.

    Renditions of a previous file (or ones a new record no longer lists) are deleted. If the
    row has meanwhile got another file, what was made is deleted again and nothing recorded:
    the save that changed it makes its own. Errors propagate (signals.py logs them); files
    already written are removed first; a failed rebuild of the same file clears the record and
    its copies (the page shows the original until a rebuild succeeds).
    """
    storage = image.file.storage
    old = image.renditions or {}
    if not image.file:
        _delete_files(storage, names(old))
        _record(image, {}, file_name=None)
        return {}
    source = image.file.name
    with storage.open(source, "rb") as stream:
        data = stream.read()
    written: list[str] = []
    try:
        record = {"source": source, "sizes": {}, "formats": []}
        with PILImage.open(io.BytesIO(data)) as opened:
            if getattr(opened, "n_frames", 1) == 1:
                record = _render(opened, image, storage, written)
    except BaseException:
        _delete_files(storage, written)
        if old.get("source") == source:  # a rebuild: some of the old copies are gone now
            _record(image, {}, file_name=source)
            _delete_files(storage, names(old))
        raise
    if not _record(image, record, file_name=source):
        _delete_files(storage, written)  # the file changed meanwhile
        return image.renditions
    _delete_files(storage, sorted(set(names(old)) - set(names(record))))
    return record


def _render(opened, image: Image, storage, written: list[str]) -> dict:
    source = image.file.name
    fallback = FALLBACKS.get(opened.format, "png")
    profile = opened.info.get("icc_profile")
    picture = ImageOps.exif_transpose(opened)  # already upright when cleaned; cheap if so
    if picture.mode not in {"RGB", "RGBA", "L", "LA"}:
        has_alpha = "transparency" in picture.info or picture.mode in {"PA", "RGBa", "La"}
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    if profile and _profile_space(profile) != ("GRAY" if picture.mode in {"L", "LA"} else "RGB"):
        profile = None  # e.g. a CMYK profile left on an image already made RGB
    formats = ["webp"] + ([fallback] if fallback else [])
    record = {"source": source, "sizes": {}, "formats": formats}
    for crop, ratio in CROPS.items():
        box = crop_box(picture.width, picture.height, ratio, image.focal_x, image.focal_y)
        sizes = sizes_of(box)
        largest = None
        for width, height in reversed(sizes):
            # The largest from the source, each smaller one from it: far quicker than
            # resizing a 12-megapixel source each time, and alike to the eye.
            if largest is None:
                resized = largest = picture.resize(
                    (width, height), PILImage.Resampling.LANCZOS, box=box, reducing_gap=3.0
                )
            else:
                resized = largest.resize((width, height), PILImage.Resampling.LANCZOS)
            for ext in formats:
                target = name(source, crop, width, ext)
                _write(storage, target, _encode(resized, ext, profile))
                written.append(target)
        record["sizes"][crop] = sizes
    return record


def _profile_space(profile: bytes) -> str | None:
    try:
        return ImageCms.ImageCmsProfile(io.BytesIO(profile)).profile.xcolor_space.strip()
    except (OSError, ValueError, TypeError):
        return None


def _encode(picture, ext: str, profile: bytes | None) -> bytes:
    encoding = ENCODINGS[ext]
    if ext == "jpg" and picture.mode not in {"RGB", "L"}:
        picture = _flatten(picture)
    if ext == "webp" and picture.mode in {"L", "LA"}:  # WebP is colour only
        picture, profile = picture.convert("RGBA" if picture.mode == "LA" else "RGB"), None
    options = dict(encoding.options)
    if profile:
        options["icc_profile"] = profile
    buffer = io.BytesIO()
    picture.save(buffer, format=encoding.format, **options)
    return buffer.getvalue()


def _flatten(picture):
    """A transparent image on white, for JPEG (which has no transparency)."""
    rgba = picture.convert("RGBA")
    background = PILImage.new("RGB", rgba.size, "#ffffff")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _write(storage, target: str, data: bytes) -> None:
    """Write under exactly this name. Storages never overwrite (they pick another name), so an
    old copy with the same name (a rebuild) is deleted first."""
    if storage.exists(target):
        storage.delete(target)
    saved = storage.save(target, ContentFile(data))
    if saved != target:
        storage.delete(saved)
        raise RuntimeError(f"The storage saved {target} as {saved}.")


def _record(image: Image, record: dict, *, file_name: str | None) -> bool:
    """Store the record while the row still holds `file_name`; False if it does not."""
    rows = Image.objects.filter(pk=image.pk)
    if file_name is not None:
        rows = rows.filter(file=file_name)
    if not rows.update(renditions=record):
        return False
    image.renditions = record
    return True


# --- Deleting ------------------------------------------------------------------------------


def delete_record(storage, record: dict) -> None:
    _delete_files(storage, names(record))


def _delete_files(storage, targets) -> None:
    for target in targets:
        storage.delete(target)  # no error for a missing file, locally or on S3


# --- Rebuilding ----------------------------------------------------------------------------


@dataclass
class Counts:
    made: int = 0
    failed: int = 0
    skipped: int = 0  # missing=True: already current


def rebuild(*, missing: bool = False, progress=None) -> Counts:
    """Make the renditions of every image (`missing`: of those without a current record),
    one at a time; a failure is logged and counted, and the rest go on."""
    progress = progress or NoProgress()
    counts = Counts()
    images = Image.objects.exclude(file="").order_by("pk")
    progress.start("renditions", images.count())
    for image in images.iterator(chunk_size=100):
        progress.advance()
        if missing and current(image) is not None:
            counts.skipped += 1
            continue
        try:
            make(image)
        except Exception:
            logger.exception("Renditions of image %s could not be made", image.pk)
            counts.failed += 1
        else:
            counts.made += 1
    progress.finish()
    if counts.made:
        contentversion.content_changed()  # pages cached with originals are made again
    return counts
