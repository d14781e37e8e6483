"""Reading a WordPress export (WXR 1.0-1.2: RSS 2.0 with the `wp:`, `content:`, `excerpt:`
and `dc:` namespaces) as a stream of items.

The file is read twice, item by item, each item's elements dropped once it has been read, so
a 3,000-post export never sits in memory as a tree: `scan()` keeps what the posts refer to
(attachments, the pages, which must be imported parents first) and counts the posts;
`posts()` then hands the posts over one at a time.

defusedxml refuses a DTD and entity declarations: a WordPress export never has one, and one
could expand to gigabytes ("billion laughs") or read files of this machine.
"""

import html
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.html import strip_tags

# The namespaces' URIs -> the prefix WordPress writes. `wp:` carries the WXR version in its
# URI (http://wordpress.org/export/1.2/); `excerpt:` is a sub-path of it.
_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
_WORDPRESS = "http://wordpress.org/export/"


class BadExport(ValueError):
    """The file is not a WordPress export we can read; the message says why and where."""


@dataclass(frozen=True)
class Term:
    domain: str  # "category" or "post_tag" (or a custom taxonomy)
    nicename: str
    name: str


@dataclass(frozen=True)
class Attachment:
    wp_id: int
    url: str
    title: str
    alt: str
    caption: str


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    slug: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    parent_id: int = 0
    menu_order: int = 0
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, list[str]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return "page" if self.post_type == "page" else "post"

    def first_meta(self, key: str) -> str:
        values = self.meta.get(key) or [""]
        return values[0]

    def terms_of(self, domain: str) -> list[Term]:
        return [term for term in self.terms if term.domain == domain]


@dataclass
class Index:
    """What the posts refer to, read before any is imported."""

    attachments: dict[int, Attachment] = field(default_factory=dict)
    pages: list[Item] = field(default_factory=list)
    posts: int = 0
    others: Counter = field(default_factory=Counter)  # post types not imported


def _name(tag: str) -> str:
    """`{http://wordpress.org/export/1.2/}post_id` -> `wp:post_id`."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if uri.startswith(_WORDPRESS):
        return f"{'excerpt' if uri.rstrip('/').endswith('excerpt') else 'wp'}:{local}"
    prefix = _PREFIXES.get(uri)
    return f"{prefix}:{local}" if prefix else tag


def to_int(text: str | None) -> int:
    try:
        return int((text or "").strip())
    except ValueError:
        return 0


_TEXT_FIELDS = {
    "title": "title",
    "link": "link",
    "wp:post_name": "slug",
    "wp:status": "status",
    "wp:post_type": "post_type",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "date",
    "wp:post_date_gmt": "date_gmt",
    "wp:attachment_url": "attachment_url",
}


def _item(element) -> Item:
    item = Item(wp_id=0, post_type="", status="")
    for child in element:
        name = _name(child.tag)
        if name in _TEXT_FIELDS:
            setattr(item, _TEXT_FIELDS[name], child.text or "")
        elif name == "wp:post_id":
            item.wp_id = to_int(child.text)
        elif name == "wp:post_parent":
            item.parent_id = to_int(child.text)
        elif name == "wp:menu_order":
            item.menu_order = to_int(child.text)
        elif name == "category":
            item.terms.append(
                Term(child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name == "wp:postmeta":
            values = {_name(part.tag): part.text or "" for part in child}
            key = values.get("wp:meta_key", "")
            if key:
                item.meta.setdefault(key, []).append(values.get("wp:meta_value", ""))
    return item


def items(path) -> Iterator[Item]:
    """Every `<item>` of the export, in order. Raises BadExport for a file that is not
    well-formed, declares a DTD or entities, or is not a WordPress export."""
    channel, version = None, None
    try:
        for event, element in iterparse(path, events=("start", "end"), forbid_dtd=True):
            name = _name(element.tag)
            if event == "start":
                if name == "channel":
                    channel = element
                continue
            if name == "wp:wxr_version":
                version = (element.text or "").strip()
            elif name == "item" and channel is not None:
                if version is None:
                    raise BadExport(
                        "This is an RSS feed, not a WordPress export: it has no wp:wxr_version. "
                        "Export from WordPress with Tools \u2192 Export \u2192 All content."
                    )
                yield _item(element)
                channel.remove(element)  # the item is read: its elements can go
    except DefusedXmlException as error:
        raise BadExport(
            "The file declares a document type (DTD) or entities, which a WordPress export "
            f"never does ({type(error).__name__}); refused, as it could expand to gigabytes "
            "or read files of this machine."
        ) from error
    except SyntaxError as error:  # ElementTree's ParseError, with the line and column
        raise BadExport(f"The file is not well-formed XML: {error}.") from error
    if version is None:
        raise BadExport(
            "This is not a WordPress export (WXR): it has no wp:wxr_version. Export from "
            "WordPress with Tools \u2192 Export \u2192 All content."
        )


def scan(path) -> Index:
    """The first reading: attachments and pages kept, posts counted."""
    index = Index()
    for item in items(path):
        if item.post_type == "attachment":
            index.attachments[item.wp_id] = Attachment(
                wp_id=item.wp_id,
                url=item.attachment_url.strip(),
                title=text_of(item.title),
                alt=text_of(item.first_meta("_wp_attachment_image_alt")),
                caption=text_of(item.excerpt),
            )
        elif item.post_type == "page":
            index.pages.append(item)
        elif item.post_type == "post":
            index.posts += 1
        else:
            index.others[item.post_type or "unknown"] += 1
    return index


def posts(path) -> Iterator[Item]:
    """The second reading: the posts, one at a time."""
    return (item for item in items(path) if item.post_type == "post")


def text_of(value: str) -> str:
    """Plain text from WordPress's stored HTML: `Rice &amp; <em>fish</em>` -> `Rice & fish`."""
    return " ".join(html.unescape(strip_tags(value or "")).split())
