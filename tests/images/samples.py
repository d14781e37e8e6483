"""Sample pictures and ways to look at what the storage holds."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw

RED, GREEN, WHITE = (220, 20, 20), (20, 160, 20), (255, 255, 255)


def picture_bytes(size=(2400, 600), fmt="JPEG", *, mode="RGB", **save) -> bytes:
    """White, with a red square centred at 75% across and 50% down (the focal point the
    tests set) and a green band along the left edge (which the wide and square crops lose)."""
    width, height = size
    picture = PILImage.new(mode, size, WHITE if mode == "RGB" else (*WHITE, 0))
    draw = ImageDraw.Draw(picture)
    cx, cy, half = width * 0.75, height * 0.5, max(2, min(width, height) // 12)
    draw.rectangle([cx - half, cy - half, cx + half, cy + half], fill=RED)
    draw.rectangle([0, 0, max(1, width // 24), height], fill=GREEN)
    buffer = io.BytesIO()
    picture.save(buffer, format=fmt, **save)
    return buffer.getvalue()


def upload(name="photo.jpg", data=None, **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data or picture_bytes(**kwargs))


def stored_files(settings, folder="renditions") -> set[str]:
    root = settings.MEDIA_ROOT / folder
    if not root.exists():
        return set()
    return {
        str(path.relative_to(settings.MEDIA_ROOT)) for path in root.rglob("*") if path.is_file()
    }


def read(image_file_storage, name):
    with image_file_storage.open(name, "rb") as stream:
        picture = PILImage.open(io.BytesIO(stream.read()))
        picture.load()
        return picture
