"""Reading rendered pages in tests: JSON-LD blocks, meta tags and links, without regex soup."""

import json
from html.parser import HTMLParser


class PageReader(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.jsonld: list[dict] = []
        self.meta: dict[str, str] = {}
        self.links: list[dict] = []
        self.anchors: list[tuple[str, str]] = []  # (href, text)
        self.headings: list[tuple[str, str]] = []  # (tag, text)
        self._script = None
        self._anchor = None
        self._heading = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = ""
        elif tag == "meta" and attrs.get("content") is not None:
            self.meta[attrs.get("property") or attrs.get("name")] = attrs["content"]
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "a" and "href" in attrs:
            self._anchor = [attrs["href"], ""]
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = [tag, ""]

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.jsonld.append(json.loads(self._script))
            self._script = None
        elif tag == "a" and self._anchor:
            self.anchors.append((self._anchor[0], " ".join(self._anchor[1].split())))
            self._anchor = None
        elif tag in ("h1", "h2", "h3", "h4") and self._heading:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data):
        if self._script is not None:
            self._script += data
        if self._anchor:
            self._anchor[1] += data
        if self._heading:
            self._heading[1] += data

    def structured(self, kind: str) -> dict:
        found = [data for data in self.jsonld if data.get("@type") == kind]
        assert len(found) == 1, f"expected one {kind}, found {len(found)}"
        return found[0]

    def link(self, rel: str, type_: str | None = None) -> list[str]:
        return [
            link["href"]
            for link in self.links
            if link.get("rel") == rel and (type_ is None or link.get("type") == type_)
        ]

    def hrefs(self) -> set[str]:
        return {href for href, _ in self.anchors}

    def h1(self) -> list[str]:
        return [text for tag, text in self.headings if tag == "h1"]


def read(response) -> PageReader:
    return PageReader(response.content.decode())
