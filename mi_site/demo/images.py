"""Pictures for the demo, drawn with Pillow: there is no internet to fetch photographs from.

Every picture is deterministic (a random generator seeded with the object's key), so the demo
looks the same on every machine. Hero images are colour gradients in the department's colours
with a river-like band and a few circles; portraits are a plain silhouette; partner logos are
the acronym on a coloured tile.
"""

import io
import math
import random
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageChops, ImageDraw, ImageFont


@dataclass(frozen=True)
class Sizes:
    """Pixel sizes of generated pictures; tests pass small ones to stay fast."""

    hero: tuple[int, int] = (1200, 675)
    portrait: tuple[int, int] = (600, 600)
    logo: tuple[int, int] = (480, 240)


FULL = Sizes()
SMALL = Sizes(hero=(160, 90), portrait=(60, 60), logo=(96, 48))

# Department colours: (gradient start, gradient end), keyed by short name.
DEPARTMENT_COLOURS = {
    "ADC": ("#2e7d32", "#c0ca33"),
    "TIF": ("#0d3b66", "#3e92cc"),
    "ITC": ("#4a148c", "#00acc1"),
    "SEE": ("#00695c", "#f9a825"),
    "": ("#005a8c", "#7fb8d8"),  # Office of the Executive Director and anything unlabelled
}


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, share: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def _gradient(size, start, end) -> Image.Image:
    """A diagonal gradient from `start` (top left) to `end` (bottom right)."""
    down = Image.linear_gradient("L")  # 256 x 256, dark at the top
    across = down.transpose(Image.Transpose.ROTATE_90)  # dark on the left
    mask = ImageChops.add(down, across, scale=2.0).resize(size)
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask)


def _river(rng: random.Random, width: int, height: int) -> list[tuple[float, float]]:
    """A gently winding line across the picture, like a river seen from above."""
    base, amplitude = height * rng.uniform(0.6, 0.75), height * rng.uniform(0.06, 0.12)
    waves, phase = rng.uniform(0.8, 1.6), rng.uniform(0, 2 * math.pi)
    return [
        (width * i / 48, base + amplitude * math.sin(2 * math.pi * waves * i / 48 + phase))
        for i in range(49)
    ]


def _encode(image: Image.Image, name: str, fmt: str = "JPEG") -> ContentFile:
    buffer = io.BytesIO()
    options = {"quality": 85, "optimize": True} if fmt == "JPEG" else {"optimize": True}
    image.save(buffer, format=fmt, **options)
    return ContentFile(buffer.getvalue(), name=name)


def hero(key: str, colours: tuple[str, str], size=FULL.hero) -> ContentFile:
    """A 16:9 banner: gradient, a winding band like a river, soft circles."""
    rng = random.Random(key)  # noqa: S311 - pictures, not secrets
    start, end = _rgb(colours[0]), _rgb(colours[1])
    width, height = size
    image = _gradient(size, start, end).convert("RGBA")
    overlay = Image.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _ in range(rng.randint(3, 6)):
        radius = rng.uniform(0.08, 0.3) * height
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 40))
    river = _river(rng, width, height)
    draw.line(
        river,
        fill=(*_mix(end, (255, 255, 255), 0.6), 150),
        width=max(2, height // 12),
        joint="curve",
    )
    image = Image.alpha_composite(image, overlay).convert("RGB")
    return _encode(image, "hero.jpg")


def portrait(key: str, colour: str, size=FULL.portrait) -> ContentFile:
    """A head-and-shoulders silhouette on a soft background in the department's colour."""
    rng = random.Random(key)  # noqa: S311 - pictures, not secrets
    base = _rgb(colour)
    background = _mix(base, (255, 255, 255), rng.uniform(0.55, 0.75))
    figure = _mix(base, (0, 0, 0), rng.uniform(0.05, 0.25))
    width, height = size
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    head = width * 0.18
    cx, cy = width / 2, height * 0.4
    draw.ellipse((cx - head, cy - head * 1.15, cx + head, cy + head * 1.15), fill=figure)
    draw.ellipse((width * 0.12, height * 0.66, width * 0.88, height * 1.3), fill=figure)
    return _encode(image, "portrait.jpg")


def logo(acronym: str, colour: str, size=FULL.logo) -> ContentFile:
    """The partner's acronym in white on a tile of its colour (PNG: sharp text)."""
    width, height = size
    image = Image.new("RGB", size, _rgb(colour))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=max(8, height // 3))
    draw.text((width / 2, height / 2), acronym, fill="white", font=font, anchor="mm")
    return _encode(image, "logo.png", fmt="PNG")
