"""What search engines and social networks read: JSON-LD, the canonical URL, OpenGraph and
Twitter cards, and breadcrumbs whose structured data matches what readers see."""

import json
from datetime import datetime, timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.site.content import build_site

pytestmark = pytest.mark.django_db
BASE = "http://testserver"
PUBLISHER = "Mekong Institute"


class MetaParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.json_ld: list[str] = []
        self.canonical: list[str] = []
        self.meta: dict[str, str] = {}
        self.breadcrumb_text = ""
        self._in_json_ld = False
        self._nav_depth = 0  # >0 while inside the breadcrumb <nav>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "link" and "canonical" in (attrs.get("rel") or "").split():
            self.canonical.append(attrs.get("href") or "")
        elif tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content") or ""
        elif tag == "nav" and "breadcrumb" in (attrs.get("aria-label") or "").lower():
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False
        elif tag == "nav" and self._nav_depth:
            self._nav_depth -= 1

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data
        if self._nav_depth:
            self.breadcrumb_text += " " + data


@pytest.fixture
def site():
    return build_site()


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = MetaParser()
    parser.feed(response.content.decode())
    return parser


def json_ld_objects(parser):
    """Every JSON-LD object on the page, top-level and inside @graph, by its @type."""
    found = {}
    for text in parser.json_ld:
        data = json.loads(text)  # a syntax error fails the test here
        items = data if isinstance(data, list) else [data]
        for item in items:
            for obj in item.get("@graph", [item]):
                assert "schema.org" in (obj.get("@context") or item.get("@context", "")), obj
                found[obj["@type"]] = obj
    return found


def of_type(parser, schema_type):
    found = json_ld_objects(parser)
    assert schema_type in found, f"no {schema_type} JSON-LD; found {sorted(found)}"
    return found[schema_type]


def page_urls(site):
    return {
        "home": reverse("site:home"),
        "article": site.article.get_absolute_url(),
        "person": site.people[1].get_absolute_url(),
        "program": site.programs[0].get_absolute_url(),
        "department": site.departments[0].get_absolute_url(),
        "country": site.countries[0].get_absolute_url(),
        "theme": site.themes[0].get_absolute_url(),
        "tag": reverse("site:tag-detail", kwargs={"slug": "energy"}),
        "news list": reverse("news:article-list"),
        "people list": reverse("people:person-list"),
        "program list": reverse("programs:program-list"),
    }


EXPECTED_TYPES = {
    "home": {"Organization"},
    "article": {"NewsArticle", "BreadcrumbList"},
    "person": {"Person", "BreadcrumbList"},
    "program": {"BreadcrumbList"},
    "department": {"BreadcrumbList"},
    "country": {"BreadcrumbList"},
    "theme": {"BreadcrumbList"},
    "tag": {"BreadcrumbList"},
}


def test_json_ld_parses_with_the_right_types_on_every_page_type(client, site):
    urls = page_urls(site)
    missing = {}
    for page, expected in EXPECTED_TYPES.items():
        types = set(json_ld_objects(read(client, urls[page])))
        if expected - types:
            missing[page] = sorted(expected - types)
    assert missing == {}


def test_every_page_has_one_absolute_canonical_url(client, site):
    for page, url in page_urls(site).items():
        parser = read(client, url)
        assert parser.canonical == [BASE + url], page


def test_news_article_json_ld_names_headline_dates_image_and_publisher(client, site):
    article = site.article
    data = of_type(read(client, article.get_absolute_url()), "NewsArticle")
    assert data["headline"] == article.title
    published = datetime.fromisoformat(data["datePublished"])
    assert abs(published - article.publish_at) < timedelta(seconds=1)
    images = data["image"] if isinstance(data["image"], list) else [data["image"]]
    image_urls = [image if isinstance(image, str) else image.get("url") for image in images]
    assert image_urls and all(url.startswith(BASE + "/media/") for url in image_urls)
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == PUBLISHER


def test_person_json_ld_names_the_person_and_their_job(client, site):
    person = site.people[1]
    data = of_type(read(client, person.get_absolute_url()), "Person")
    assert person.display_name in data["name"]
    assert data["jobTitle"] == person.position


def test_home_page_describes_the_organisation(client, site):
    data = of_type(read(client, reverse("site:home")), "Organization")
    assert data["name"] == PUBLISHER
    assert data["url"] == BASE + "/"


def test_breadcrumbs_are_absolute_ordered_and_match_the_visible_trail(client, site):
    urls = page_urls(site)
    for page in ("article", "person", "program", "department", "country", "theme", "tag"):
        parser = read(client, urls[page])
        trail = of_type(parser, "BreadcrumbList")["itemListElement"]
        assert [crumb["position"] for crumb in trail] == list(range(1, len(trail) + 1)), page
        assert len(trail) >= 2, page
        for crumb in trail:
            item = crumb["item"] if isinstance(crumb["item"], str) else crumb["item"]["@id"]
            assert item.startswith(BASE + "/"), (page, crumb)
            name = crumb.get("name") or crumb["item"]["name"]
            assert name in " ".join(parser.breadcrumb_text.split()), (page, name)


def test_article_page_carries_sharing_tags_with_its_hero_image(client, site):
    article = site.article
    meta = read(client, article.get_absolute_url()).meta
    assert article.title in meta.get("og:title", "")
    assert meta.get("og:description") == article.standfirst
    assert meta.get("og:image", "").startswith(BASE + "/media/")
    assert meta.get("og:url") == BASE + article.get_absolute_url()
    assert meta.get("og:type") == "article"
    assert meta.get("twitter:card") == "summary_large_image"
