"""What search engines and social networks read about a page: title, description, canonical
URL, share image, feeds, breadcrumbs and JSON-LD.

A view describes its page once with `page_meta()`; `templates/includes/meta.html` turns that
into `<title>`, meta description, canonical link, OpenGraph and Twitter card tags, feed links
and JSON-LD, and `includes/breadcrumbs.html` shows the same breadcrumbs that the JSON-LD
`BreadcrumbList` lists, so the two never disagree.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from . import previews
from .publishing import Status

PUBLISHER_NAME = "Mekong Institute"
PUBLISHER_DESCRIPTION = (
    "Mekong Institute is an intergovernmental organisation that builds capacity for regional "
    "cooperation and integration in the Greater Mekong Subregion."
)
DESCRIPTION_LENGTH = 160
SHARE_IMAGE = "img/mi-share.png"  # 1200 x 630, used when a page has no image of its own
LOGO_IMAGE = "img/mi-logo.png"
SCHEMA = "https://schema.org"


@dataclass(frozen=True)
class Crumb:
    name: str
    url: str


@dataclass(frozen=True)
class FeedLink:
    title: str
    rss: str
    atom: str


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    breadcrumbs: Sequence[Crumb] = ()
    image: str = ""
    image_alt: str = ""
    og_type: str = "website"
    structured_data: list[dict] = field(default_factory=list)
    feeds: Sequence[FeedLink] = ()
    noindex: bool = False


def describe(*candidates: str, fallback: str = PUBLISHER_DESCRIPTION) -> str:
    """The first non-empty candidate as plain text on one line, cut to a search snippet.

    Rich text is accepted: tags are stripped, so a biography can describe a profile.
    """
    for candidate in candidates:
        text = " ".join(strip_tags(candidate or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return fallback


def page_meta(
    request,
    *,
    title: str,
    description: str,
    breadcrumbs: Iterable[Crumb] = (),
    image: str = "",
    image_alt: str = "",
    og_type: str = "website",
    structured_data: Iterable[dict] = (),
    feeds: Iterable[FeedLink] = (),
    canonical: str | None = None,
    noindex: bool = False,
) -> PageMeta:
    """Describe a page. URLs may be relative: they are made absolute for the request's host,
    because canonical links, share images and JSON-LD must be absolute."""
    absolute = request.build_absolute_uri
    breadcrumbs = list(breadcrumbs)
    data = list(structured_data)
    if breadcrumbs:
        data.append(breadcrumb_list(request, breadcrumbs))
    return PageMeta(
        title=title,
        description=description,
        canonical=absolute(canonical if canonical is not None else request.path),
        breadcrumbs=breadcrumbs,
        image=absolute(image or static(SHARE_IMAGE)),
        image_alt=image_alt if image else PUBLISHER_NAME,
        og_type=og_type,
        structured_data=data,
        feeds=list(feeds),
        noindex=noindex,
    )


def breadcrumb_list(request, breadcrumbs: Sequence[Crumb]) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.name,
                "item": request.build_absolute_uri(crumb.url),
            }
            for position, crumb in enumerate(breadcrumbs, start=1)
        ],
    }


def organization(request, *, context: bool = True) -> dict:
    """MI as a schema.org Organization: the publisher of every article."""
    data = {
        "@type": "Organization",
        "name": PUBLISHER_NAME,
        "url": request.build_absolute_uri("/"),
        "logo": {"@type": "ImageObject", "url": request.build_absolute_uri(static(LOGO_IMAGE))},
    }
    return {"@context": SCHEMA, **data} if context else data


class PageMetaMixin:
    """Class-based views: `get_meta(context)` describes the page; the template gets `meta`."""

    def get_meta(self, context) -> PageMeta:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        meta = self.get_meta(context)
        item = getattr(self, "object", None)
        # Previews and archived items are for people, not for search engines.
        if (
            previews.current(self.request) is not None
            or getattr(item, "status", "") == Status.ARCHIVED
        ):
            meta.noindex = True
        context["meta"] = meta
        return context
