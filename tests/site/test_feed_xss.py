"""Feeds reach readers as text, not markup: the XSS corpus through every RSS and Atom feed.

A feed reader parses the XML, then renders the decoded `<description>` (RSS) or
`<summary type="html">` (Atom) as HTML. So each payload goes into an article's standfirst,
title and tag, and each feed is read the same way: the XML parsed, then the decoded summary
parsed as HTML. That HTML must hold no element at all and read exactly as the editor typed.
"""

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from taggit.models import Tag

from mi_site.feeds import xml_text
from tests.core.xss_payloads import PAYLOADS
from tests.factories import ArticleFactory, ProgramFactory, ThemeFactory
from tests.site.content import gms_country

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
KINDS = ["department", "theme", "program", "country", "tag"]


class Markup(HTMLParser):
    """What an HTML parser finds in a string: elements, comments and declarations, and text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append(tag)

    def handle_endtag(self, tag):
        self.elements.append(f"/{tag}")

    def handle_comment(self, data):
        self.elements.append("<!--")

    def handle_decl(self, decl):
        self.elements.append("<!")

    def handle_pi(self, data):
        self.elements.append("<?")

    def unknown_decl(self, data):
        self.elements.append("<![")

    def handle_data(self, data):
        self.text.append(data)


def entries(content: bytes, fmt: str) -> list[dict]:
    """(title, summary, categories) of each item, as the XML decodes them."""
    root = ET.fromstring(content)  # noqa: S314 (our own output)
    if fmt == "rss":
        return [
            {
                "title": item.findtext("title"),
                "summary": item.findtext("description"),
                "categories": [c.text for c in item.findall("category")],
            }
            for item in root.iter("item")
        ]
    found = []
    for entry in root.iter(f"{ATOM}entry"):
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        found.append(
            {
                "title": entry.findtext(f"{ATOM}title"),
                "summary": summary.text,
                "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
            }
        )
    return found


def feed_urls(article) -> list[tuple[str, str]]:
    hubs = {
        "department": article.department,
        "theme": article.themes.get(),
        "program": article.programs.get(),
        "country": article.countries.get(),
        "tag": article.tags.get(),
    }
    urls = []
    for fmt in ("rss", "atom"):
        urls.append((fmt, reverse(f"feeds:news-{fmt}")))
        for kind in KINDS:
            urls.append((fmt, reverse(f"feeds:{kind}-{fmt}", kwargs={"slug": hubs[kind].slug})))
    return urls


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_feed_carries_the_payload_as_text(client, payload):
    tag = Tag.objects.create(name=payload[:100])
    article = ArticleFactory(title=payload[:255], standfirst=payload, tags=[tag])
    article.themes.add(ThemeFactory())
    article.programs.add(ProgramFactory())
    article.countries.add(gms_country("TH"))
    for fmt, url in feed_urls(article):
        response = client.get(url)
        assert response.status_code == 200, url
        [item] = entries(response.content, fmt)
        summary = Markup(item["summary"])
        assert summary.elements == [], (url, item["summary"])
        assert "".join(summary.text) == xml_text(payload), url
        assert item["title"] == xml_text(article.title), url
        assert item["categories"] == [xml_text(tag.name)], url


def test_a_standfirst_with_ampersands_and_quotes_reads_the_same_in_a_feed(client):
    standfirst = 'Trade & investment: "AT&T" <b>not bold</b> &amp; 5 < 6'
    ArticleFactory(standfirst=standfirst)
    for fmt in ("rss", "atom"):
        [item] = entries(client.get(reverse(f"feeds:news-{fmt}")).content, fmt)
        assert "".join(Markup(item["summary"]).text) == standfirst
