"""RSS and Atom feeds: valid, live items only, absolute links, each feed only its own items."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from mi_site.feeds import ITEMS_PER_FEED
from tests.factories import ArticleFactory
from tests.site.content import build_site

pytestmark = pytest.mark.django_db
FORMATS = {"rss": "rss20", "atom": "atom10"}
BASE = "http://testserver"


@pytest.fixture
def site():
    return build_site()


def read_feed(client, name, **kwargs):
    response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200, response.status_code
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("fmt", FORMATS)
def test_news_feed_is_valid_and_lists_exactly_the_live_articles_newest_first(client, site, fmt):
    response, feed = read_feed(client, f"feeds:news-{fmt}")
    assert feed.version == FORMATS[fmt]
    assert titles(feed) == [article.title for article in site.articles]
    body = response.content.decode().lower()
    leaked = [marker for marker in site.markers if marker.lower() in body]
    assert leaked == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_links_are_absolute_and_items_carry_dates_summary_and_tags(client, site, fmt):
    _, feed = read_feed(client, f"feeds:news-{fmt}")
    assert feed.feed.link == BASE + reverse("news:article-list")
    entry = feed.entries[0]
    article = site.article
    assert entry.link == BASE + article.get_absolute_url()
    assert entry.summary == article.standfirst
    published = datetime.datetime(*entry.published_parsed[:6], tzinfo=datetime.UTC)
    assert published == article.publish_at.replace(microsecond=0)
    assert sorted(tag.term for tag in entry.tags) == sorted(site.tags)


def per_object_cases(site):
    """(kind, slug, the titles of the live articles that feed must list), built by hand."""
    main, second, third = (article.title for article in site.articles)
    see, tif = site.departments
    all_countries_only = next(c for c in site.countries if c != site.countries[0])
    return [
        ("department", see.slug, [main, second]),
        ("department", tif.slug, [third]),
        ("theme", site.themes[0].slug, [main]),
        ("program", site.programs[0].slug, [main, second]),
        ("program", site.programs[1].slug, [third]),
        ("country", site.countries[0].slug, [main, second]),
        ("country", all_countries_only.slug, [main]),
        ("tag", "energy", [main, second]),
        ("tag", "labour-migration", [main]),
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_object_feed_lists_only_that_objects_live_articles(client, site, fmt):
    for kind, slug, expected in per_object_cases(site):
        response, feed = read_feed(client, f"feeds:{kind}-{fmt}", slug=slug)
        assert titles(feed) == expected, (kind, slug)
        assert feed.feed.link.startswith(BASE + "/"), (kind, slug)
        assert all(entry.link.startswith(BASE + "/news/") for entry in feed.entries)
        body = response.content.decode().lower()
        assert [m for m in site.markers if m.lower() in body] == [], (kind, slug)


@pytest.mark.parametrize("kind", ["department", "theme", "program", "country", "tag"])
def test_unknown_slug_is_a_404(client, site, kind):
    for fmt in FORMATS:
        response = client.get(reverse(f"feeds:{kind}-{fmt}", kwargs={"slug": "no-such-thing"}))
        assert response.status_code == 404


def test_a_program_that_is_not_live_has_no_feed(client, site):
    for marker in site.markers:
        obj = site.hidden[marker]
        if marker.endswith("PROGRAM"):
            response = client.get(reverse("feeds:program-rss", kwargs={"slug": obj.slug}))
            assert response.status_code == 404, marker


def test_a_tag_used_only_by_unpublished_articles_has_no_feed(client, site):
    tag = Tag.objects.get(name="leakdraftarticle-tag")
    response = client.get(reverse("feeds:tag-rss", kwargs={"slug": tag.slug}))
    assert response.status_code == 404


def test_a_feed_holds_the_newest_items_up_to_its_limit(client, db):
    now = timezone.now()
    made = [
        ArticleFactory(title=f"Story {n}", publish_at=now - datetime.timedelta(hours=n))
        for n in range(ITEMS_PER_FEED + 5)
    ]
    _, feed = read_feed(client, "feeds:news-atom")
    assert titles(feed) == [article.title for article in made[:ITEMS_PER_FEED]]
