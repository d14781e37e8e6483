"""Every old address of an imported item kept as a permanent redirect to it.

The addresses are WordPress's `/?p=<id>` (`/?page_id=<id>` for a page), the path of the
item's permalink (`<link>`), each old slug WordPress remembers (`_wp_old_slug`), and the
TYPO3 address the item carries in a meta field (`_typo3_url` unless told otherwise). The
redirects point at the item (mi_site/core/redirects.py), so they follow it if its slug changes
later, and answer only once it is public.

A redirect an editor made by hand is never replaced. Two items claiming one old address: the
first one in the export keeps it, every run, so a re-run changes nothing.
"""

from django.contrib.contenttypes.models import ContentType

from mi_site.core import redirects
from mi_site.core.models import Redirect

from .wxr import Item

LEGACY_META = "_typo3_url"


def old_addresses(item: Item, *, legacy_meta: str = LEGACY_META) -> list[str]:
    query = "page_id" if item.kind == "page" else "p"
    addresses = [f"/?{query}={item.wp_id}"]
    if item.link.strip():
        addresses.append(item.link.strip())
    addresses += [f"/{slug.strip()}/" for slug in item.meta.get("_wp_old_slug", []) if slug.strip()]
    addresses += [value.strip() for value in item.meta.get(legacy_meta, []) if value.strip()]
    return addresses


class Addresses:
    """Keeps old addresses for one import run; `claimed` remembers who took which."""

    def __init__(self):
        self.claimed: dict[tuple[str, str], int] = {}

    def keep(self, obj, item: Item, addresses: list[str], problems: list[str]) -> bool:
        """Store the redirects `obj` lacks; True when any was written. `problems` receives a
        sentence for each address not kept."""
        content_type = ContentType.objects.get_for_model(obj)
        stored = set(
            Redirect.objects.filter(content_type=content_type, object_id=str(obj.pk)).values_list(
                "old_path", "old_query"
            )
        )
        own = redirects.split(obj.get_absolute_url())
        written, seen = False, set()
        for address in addresses:
            try:
                key = redirects.split(address)
            except redirects.BadAddress as error:
                problems.append(f"{address}: {error}")
                continue
            if key in seen or key == own or key == ("/", ""):
                continue  # the home page, or the item's own address, never redirects
            seen.add(key)
            holder = self.claimed.setdefault(key, item.wp_id)
            if holder != item.wp_id:
                problems.append(f"{address}: already the old address of WordPress item {holder}")
            elif key not in stored:
                written |= self._add(address, key, obj, problems)
        return written

    def _add(self, address, key, obj, problems) -> bool:
        other = Redirect.objects.filter(old_path=key[0], old_query=key[1]).first()
        if other is not None and not other.automatic:
            target = other.target_path or other.item
            problems.append(f"{address}: kept the redirect an editor made (to {target})")
            return False
        redirects.add(address, obj, automatic=True)
        return True
