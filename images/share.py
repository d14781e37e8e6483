"""The picture a page offers to social networks and search engines (`og:image`): the wide
(16:9) copy at most 1,280 pixels across, which is what Facebook, LinkedIn and X show in a
link card, or the original while no copies exist."""

from . import renditions
from .blocks import Placed

SHARE_WIDTH = 1280


def share_image(placed: Placed | None) -> dict[str, str]:
    """`image` and `image_alt` for `mi_site.core.seo.page_meta`, or nothing."""
    if placed is None:
        return {}
    image = placed.image
    record = renditions.current(image)
    steps = (record or {}).get("sizes", {}).get("wide")
    if not steps:
        return {"image": image.url, "image_alt": placed.alt}
    width = max((w for w, _h in steps if w <= SHARE_WIDTH), default=steps[0][0])
    ext = record["formats"][-1]  # the original's format: every network reads it
    name = renditions.name(record["source"], "wide", width, ext)
    return {"image": image.file.storage.url(name), "image_alt": placed.alt}
