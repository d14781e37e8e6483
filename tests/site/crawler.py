"""A small crawler over Django's test client: follows every internal link from a set of start
pages, HTML (href and src) and XML (sitemap <loc>, feed links) alike."""

import traceback
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

HOST = "testserver"
SKIPPED_PREFIXES = ("/admin/", "/media/", "/static/", "/editor/")
MAX_PAGES = 500


class PageParser(HTMLParser):
    """What the crawl checks on an HTML page: links, <h1>s, <title> and meta description."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.h1_count = 0
        self.title = ""
        self.description = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.description = attrs.get("content") or ""
        self.links += [attrs[name] for name in ("href", "src") if attrs.get(name)]

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@dataclass
class Page:
    path: str
    status: int
    content_type: str = ""
    body: str = ""
    parsed: PageParser | None = None
    links: list[str] = field(default_factory=list)

    @property
    def is_html(self):
        return self.content_type.startswith("text/html")


def xml_links(body: str) -> list[str]:
    """<loc> and <link> texts and href attributes anywhere in a sitemap or a feed."""
    links = []
    # Our own site's output, not untrusted input: the standard parser will do.
    for element in ET.fromstring(body.encode()).iter():  # noqa: S314
        if element.tag.rsplit("}", 1)[-1] in ("loc", "link") and element.text:
            links.append(element.text.strip())
        if element.get("href"):
            links.append(element.get("href"))
    return links


def internal_path(link: str, base: str) -> str | None:
    """The path (with query) of an internal link worth following, else None."""
    parts = urlsplit(urljoin(base, link))
    if parts.scheme not in ("http", "https", "") or parts.netloc not in ("", HOST):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fetch(client, path: str) -> Page:
    try:
        response = client.get(path)
    except Exception:
        # The test client re-raises a view's exception: record it as the 500 it would be.
        return Page(path, 500, body=traceback.format_exc())
    page = Page(path, response.status_code, response.get("Content-Type", ""))
    if response.status_code in (301, 302, 303, 307, 308):
        page.links = [response["Location"]]
        return page
    page.body = response.content.decode()
    if page.is_html:
        page.parsed = PageParser()
        page.parsed.feed(page.body)
        page.links = page.parsed.links
    elif "xml" in page.content_type and response.status_code == 200:
        page.links = xml_links(page.body)
    return page


def crawl(client, start: list[str]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    queue = list(start)
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        if path in pages:
            continue
        page = pages[path] = fetch(client, path)
        for link in page.links:
            target = internal_path(link, f"http://{HOST}{path}")
            if target and target not in pages:
                queue.append(target)
    assert len(pages) < MAX_PAGES, "the crawl never ends: some links multiply without limit"
    return pages
