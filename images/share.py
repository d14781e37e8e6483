"""The picture a page offers to social networks and search engines (`og:image`): the wide
(16:9) copy in the original's format at most 1,280 pixels across (markup.FALLBACK_WIDTH),
which is what Facebook, LinkedIn and X show in a link card, or the original while no copies
exist."""

from .blocks import Placed
from .markup import fallback_copy


def share_image(placed: Placed | None) -> dict[str, str]:
    """`image` and `image_alt` for `mi_site.core.seo.page_meta`, or nothing."""
    if placed is None:
        return {}
    copy = fallback_copy(placed.image, "wide")
    return {"image": copy[0] if copy else placed.image.url, "image_alt": placed.alt}
