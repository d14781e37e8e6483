"""Standalone pages (About MI and its Governance page), the main menu and the footer."""

from mi_site.core.publishing import Status
from mi_site.core.sync import Writer
from mi_site.pages.models import MenuItem, Page, SiteFooter, SocialLink

from . import images
from .refs import Refs
from .values import at, bullets, h2, html

ABOUT = {
    "title": "About the Mekong Institute",
    "slug": "about",
    "standfirst": (
        "An intergovernmental organisation in Khon Kaen, Thailand, that builds capacity for "
        "regional cooperation and integration in the six countries of the Greater Mekong "
        "Subregion."
    ),
    "body": html(
        "The Mekong Institute (MI) works with the governments of Cambodia, P.R. China "
        "(Yunnan Province and Guangxi Zhuang Autonomous Region), Lao PDR, Myanmar, Thailand "
        "and Vietnam. Founded in 1996 and based in Khon Kaen in northeast Thailand, it trains "
        "officials, entrepreneurs and community leaders, runs research and policy dialogues, "
        "and brings people from across the subregion together to solve shared problems.",
        h2("What we do"),
        bullets(
            "Agricultural development and commercialisation: value chains, food safety and "
            "market access for smallholder farmers",
            "Trade and investment facilitation: cross-border trade, logistics and the small "
            "businesses that depend on them",
            "Innovation and technological connectivity: digital skills and the digital economy",
            "Sustainable energy and environment: clean energy, climate resilience and water",
        ),
        h2("How we work"),
        "Each program combines regional learning in Khon Kaen with action plans that "
        "participants carry out at home, followed up by MI's staff and partners. Development "
        "partners, governments and universities fund and co-organise the work.",
    ),
    "hero_alt": "The Mekong Institute's residential training centre in Khon Kaen",
    "seo_description": (
        "The Mekong Institute: an intergovernmental organisation in Khon Kaen, Thailand, "
        "building capacity for regional cooperation in the Greater Mekong Subregion."
    ),
    "publish_at": "2024-01-15 09:00",
}

GOVERNANCE = {
    "title": "Governance",
    "slug": "governance",
    "standfirst": (
        "MI is governed by the six countries it serves: their representatives set its "
        "direction, approve its plans and oversee its work."
    ),
    "body": html(
        h2("The MI Council"),
        "The Council is MI's highest governing body. It brings together senior "
        "representatives of the governments of the six GMS countries, who approve the "
        "strategic plan, the annual budget and the appointment of the Executive Director.",
        h2("The Steering Committee"),
        "The Steering Committee prepares the Council's decisions and follows the "
        "implementation of MI's programs between Council meetings. Development partners "
        "attend as observers.",
        h2("The Executive Director"),
        "The Executive Director leads MI's staff in Khon Kaen, its four departments and its "
        "partnerships, and reports to the Council each year.",
    ),
    "seo_description": (
        "How the Mekong Institute is governed: the MI Council of the six GMS countries, the "
        "Steering Committee and the Executive Director."
    ),
    "publish_at": "2024-01-15 09:30",
}

# (label, page key or address); a page's link shows while the page is live.
MENU = [
    ("About MI", "about"),
    ("Governance", "governance"),
    ("News", "/news/"),
    ("Programs", "/programs/"),
    ("Departments", "/departments/"),
    ("Staff", "/people/"),
]

FOOTER = {
    "address": "Mekong Institute\n123 Mittraphap Road, Muang\nKhon Kaen 40002, Thailand",
    "phone": "+66 43 202 411",
    "email": "information@mekonginstitute.org",
}
SOCIAL = [
    (SocialLink.Network.FACEBOOK, "https://www.facebook.com/MekongInstitute"),
    (SocialLink.Network.LINKEDIN, "https://www.linkedin.com/company/mekong-institute"),
    (SocialLink.Network.YOUTUBE, "https://www.youtube.com/@MekongInstitute"),
    (SocialLink.Network.X, "https://x.com/MekongInstitute"),
]


def _save_page(writer: Writer, data: dict, parent: Page | None, pictures=None) -> Page:
    fields = {key: value for key, value in data.items() if key not in ("slug", "publish_at")}
    return writer.save(
        Page,
        {"parent": parent, "slug": data["slug"]},
        {**fields, "status": Status.PUBLISHED, "publish_at": at(data["publish_at"])},
        images=pictures,
    )


def load_pages(writer: Writer, refs: Refs) -> None:
    colours = refs.colours(None)
    about = _save_page(
        writer,
        ABOUT,
        None,
        {"hero_image": lambda: images.hero("About MI", colours, refs.sizes.hero)},
    )
    pages = {"about": about, "governance": _save_page(writer, GOVERNANCE, about)}
    for order, (label, target) in enumerate(MENU, start=1):
        page = pages.get(target)
        writer.save(
            MenuItem,
            {"label": label},
            {"page": page, "url": "" if page else target, "sort_order": order},
        )
    footer = writer.save(SiteFooter, {"id": SiteFooter.SINGLETON_ID}, FOOTER)
    for order, (network, url) in enumerate(SOCIAL, start=1):
        writer.save(SocialLink, {"footer": footer, "network": network},
                    {"url": url, "sort_order": order})  # fmt: skip
