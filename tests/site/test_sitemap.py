"""sitemap.xml lists exactly the live pages, each with a lastmod; robots.txt points at it."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from django.utils import timezone

from mi_site import sitemaps
from news.models import Article
from tests.site.content import build_site

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "http://testserver"
GMS_SLUGS = ["cambodia", "lao-pdr", "myanmar", "pr-china", "thailand", "vietnam"]


@pytest.fixture
def site():
    return build_site()


def get_xml(client, url):
    parts = urlsplit(url)
    response = client.get(parts.path, QUERY_STRING=parts.query)
    assert response.status_code == 200, url
    return response, ET.fromstring(response.content)  # noqa: S314 (our own output)


def read_sitemap(client):
    """Every <url> of every section the index lists: {loc: lastmod}."""
    _, index = get_xml(client, reverse("sitemap-index"))
    urls = {}
    for entry in index.findall("sm:sitemap", NS):
        _, section = get_xml(client, entry.find("sm:loc", NS).text)
        for url in section.findall("sm:url", NS):
            lastmod = url.find("sm:lastmod", NS)
            urls[url.find("sm:loc", NS).text] = lastmod.text if lastmod is not None else None
    return urls


def expected_urls(site):
    """The live pages, listed by hand from what build_site() made."""
    lists = (
        "site:home",
        "news:article-list",
        "people:person-list",
        "programs:program-list",
        "site:department-list",
        "site:partner-list",
    )
    paths = [reverse(name) for name in lists]
    paths += [obj.get_absolute_url() for obj in site.articles + site.people + site.programs]
    paths += [page.get_absolute_url() for page in site.pages]
    paths += [obj.get_absolute_url() for obj in site.departments + site.themes + site.partners]
    paths += [reverse("site:country-detail", kwargs={"slug": s}) for s in GMS_SLUGS]
    paths += [
        reverse("site:tag-detail", kwargs={"slug": s}) for s in ("energy", "labour-migration")
    ]
    return {BASE + path for path in paths}


def test_sitemap_lists_exactly_the_live_pages(client, site):
    urls = read_sitemap(client)
    assert set(urls) == expected_urls(site)


def test_every_sitemap_entry_has_a_lastmod_and_no_unpublished_content_shows(client, site):
    urls = read_sitemap(client)
    assert [loc for loc, lastmod in urls.items() if not lastmod] == []
    _, index = get_xml(client, reverse("sitemap-index"))
    assert all(e.find("sm:lastmod", NS) is not None for e in index.findall("sm:sitemap", NS))
    everything = " ".join(urls).lower()
    assert [marker for marker in site.markers if marker.lower() in everything] == []


def test_an_article_that_went_live_later_than_it_was_saved_is_dated_by_going_live(client, site):
    # Saved ten days ago as scheduled for yesterday: the page changed when it went live.
    article = site.article
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(
        updated_at=yesterday - datetime.timedelta(days=9), publish_at=yesterday
    )
    urls = read_sitemap(client)
    lastmod = urls[BASE + article.get_absolute_url()]
    assert lastmod.startswith(timezone.localtime(yesterday).date().isoformat())


def test_a_hub_is_dated_by_its_newest_live_article(client, site):
    urls = read_sitemap(client)
    newest = timezone.localtime(site.articles[0].publish_at).date().isoformat()
    tag_url = BASE + reverse("site:tag-detail", kwargs={"slug": "labour-migration"})
    assert urls[tag_url].startswith(newest)
    assert urls[BASE + site.departments[0].get_absolute_url()].startswith(newest)


def test_large_sections_are_paged_through_the_index(client, site, monkeypatch):
    monkeypatch.setattr(sitemaps.BaseSitemap, "limit", 2)
    _, index = get_xml(client, reverse("sitemap-index"))
    locs = [e.find("sm:loc", NS).text for e in index.findall("sm:sitemap", NS)]
    assert BASE + "/sitemap-news.xml?p=2" in locs
    assert set(read_sitemap(client)) == expected_urls(site)


def test_robots_txt_points_at_the_absolute_sitemap_url(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert f"Sitemap: {BASE}{reverse('sitemap-index')}" in lines
    # Staff addresses are kept out of search engines by X-Robots-Tag, not named here.
    assert not any("admin" in line or "editor" in line for line in lines)
