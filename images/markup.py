"""The HTML of a library image on a page: `<picture>` with WebP and fallback `srcset`s.

`picture(thing, crop="wide", sizes="(min-width: 60rem) 60rem, 100vw", priority=False,
css_class="", alt=None)` for a `Placed` (blocks.py: the alternative text the page gives it) or
an `Image` (its own alternative text, "" when decorative; `alt` overrides either)::

    <picture>
      <source type="image/webp" srcset="…-wide-320.webp 320w, …-wide-640.webp 640w, …" sizes="…">
      <img src="…-wide-1280.jpg" srcset="…-wide-320.jpg 320w, …" sizes="…" width="1280"
           height="720" alt="…" loading="lazy" decoding="async" class="…">
    </picture>

- `src` is the largest fallback rendition at most 1280 wide; `width`/`height` are its size,
  so the browser reserves the crop's proportions before any byte arrives.
- `priority=True` (the first image above the fold: a hero) drops `loading="lazy"` and adds
  `fetchpriority="high"`.
- The class goes on the `<img>`, so existing `img` rules keep applying; base.css makes the
  `<picture>` box itself disappear from layout (`display: contents`).
- An image without a current record (renditions not made yet, or failed, or an animated
  image) is its original: one `<img>` with the original's address and recorded size, crop
  ignored. Nothing is made here: renditions are made on save, never while a reader waits.
- Only the record and the recorded size are read: no query, no storage access (addresses come
  from `storage.url()`, which builds a string), no file opened.

Everything is escaped; a None thing is "".
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe

from . import renditions
from .blocks import Placed
from .models import Image

FALLBACK_WIDTH = 1280  # the `src` for browsers without srcset


def picture(
    thing: Placed | Image | None,
    *,
    crop: str = "full",
    sizes: str = "100vw",
    priority: bool = False,
    css_class: str = "",
    alt: str | None = None,
) -> SafeString:
    if not thing:
        return mark_safe("")
    if isinstance(thing, Placed):
        image, text = thing.image, thing.alt
    elif isinstance(thing, Image):
        image, text = thing, ("" if thing.decorative else thing.alt_text)
    else:
        raise TypeError(f"{{% picture %}} shows an Image or a placed image, not {thing!r}.")
    if alt is not None:
        text = alt
    if crop not in renditions.CROPS:
        raise ValueError(f"Unknown crop {crop!r}: one of {', '.join(renditions.CROPS)}.")
    if not image or not image.file:
        return mark_safe("")
    tail = _attrs(
        alt=text,
        loading=None if priority else "lazy",
        fetchpriority="high" if priority else None,
        decoding="async",
        **{"class": css_class or None},
    )
    record = renditions.current(image)
    steps = (record or {}).get("sizes", {}).get(crop)
    if not steps:
        size = _attrs(width=image.width, height=image.height)
        return mark_safe(f"<img{_attrs(src=image.file.url)}{size}{tail}>")  # noqa: S308
    storage, source = image.file.storage, record["source"]
    *modern, fallback = record["formats"]

    def srcset(ext: str) -> str:
        return ", ".join(
            f"{storage.url(renditions.name(source, crop, w, ext))} {w}w" for w, _h in steps
        )

    src, width, height = fallback_copy(image, crop)
    img = (
        f"<img{_attrs(src=src)}"
        f"{_attrs(srcset=srcset(fallback), sizes=sizes, width=width, height=height)}{tail}>"
    )
    if not modern:
        return mark_safe(img)  # noqa: S308
    sources = "".join(
        f"<source{_attrs(type=renditions.MIME_TYPES[ext], srcset=srcset(ext), sizes=sizes)}>"
        for ext in modern
    )
    return mark_safe(f"<picture>{sources}{img}</picture>")  # noqa: S308


def fallback_copy(image: Image, crop: str) -> tuple[str, int, int] | None:
    """(address, width, height) of the copy in the original's format at most FALLBACK_WIDTH
    wide (every browser and every social network reads it), or None without renditions."""
    record = renditions.current(image)
    steps = (record or {}).get("sizes", {}).get(crop)
    if not steps:
        return None
    width, height = max((s for s in steps if s[0] <= FALLBACK_WIDTH), default=steps[0])
    made = renditions.name(record["source"], crop, width, record["formats"][-1])
    return image.file.storage.url(made), width, height


def _attrs(**attrs) -> str:
    """` name="value"` for each attribute that is not None, values escaped."""
    return "".join(
        f' {key}="{escape(str(value))}"' for key, value in attrs.items() if value is not None
    )
