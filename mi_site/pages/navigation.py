"""The main menu and the footer on every page, as site staff set them in the admin.

`site_navigation` (a context processor) hands every template a `Navigation` that reads
nothing until a template asks: the header's menu is one query, the footer (with its social
links, joined) another, whatever the number of items. Pages rendered without a request (the
500 and 503 pages) have no `site_nav`, and the templates fall back to the built-in links, as
they do when nothing has been set up yet.
"""

import re
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q

from .models import MenuItem, Page, SiteFooter, SocialLink


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: str = ""  # aria-current: "page" for this very page, "true" for a page below it


@dataclass(frozen=True)
class Footer:
    about: str
    address: str
    phone: str
    email: str
    social: list[Link] = field(default_factory=list)

    @property
    def phone_href(self) -> str:
        return "tel:" + re.sub(r"[^\d+]", "", self.phone)


def current(path: str, url: str) -> str:
    if path == url:
        return "page"
    if url.startswith("/") and url != "/" and path.startswith(url):
        return "true"
    return ""


class Navigation:
    def __init__(self, path: str):
        self.path = path

    @cached_property
    def menu(self) -> list[Link]:
        """The menu's links, in order; a link to a page only while the page is live."""
        items = (
            MenuItem.objects.filter(Q(page__isnull=True) | Q(page__in=Page.objects.live()))
            .select_related("page")
            .only("label", "url", "page__url_path")
        )
        return [Link(item.label, item.href, current(self.path, item.href)) for item in items]

    @cached_property
    def footer(self) -> Footer | None:
        # One query: the footer LEFT JOINed to its links, a row per link (or one without).
        rows = list(
            SiteFooter.objects.order_by("social_links__sort_order", "social_links__pk").values(
                "about", "address", "phone", "email", "social_links__network", "social_links__url"
            )
        )
        if not rows:
            return None
        first = rows[0]
        networks = dict(SocialLink.Network.choices)
        social = [
            Link(networks.get(row["social_links__network"], "Website"), row["social_links__url"])
            for row in rows
            if row["social_links__url"]
        ]
        return Footer(first["about"], first["address"], first["phone"], first["email"], social)


def site_navigation(request) -> dict:
    return {"site_nav": Navigation(request.path)}
