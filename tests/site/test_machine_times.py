"""Machine-readable times are given to the whole second everywhere the public reads them.

An article published "now" is stored with microseconds; Django's `|date:'c'` and `isoformat()`
keep them, and the HTML standard allows at most three digits of a second in `<time datetime>`.
Pages, OpenGraph, JSON-LD, feeds and the sitemap must all show whole seconds (issue 7).
"""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from mi_site.core.publishing import Status
from mi_site.core.templatetags.public import machine_time
from mi_site.core.times import to_the_second
from news.models import Article
from tests.factories import ArticleFactory
from tests.pages.html import read

pytestmark = pytest.mark.django_db

WHOLE_SECONDS = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)")
TIME_DATETIME = re.compile(r'<time datetime="([^"]*)"')
FRACTION = re.compile(r"\d\d:\d\d:\d\d\.\d")
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def article():
    """Published a moment ago, with microseconds, as "publish now" in the admin stores it."""
    moment = timezone.now().replace(microsecond=491181) - datetime.timedelta(minutes=5)
    return ArticleFactory(title="ຂ່າວ ຫຼວງພະບາງ ข่าวเชียงใหม่", publish_at=moment)


def test_machine_time_is_iso_8601_to_the_second_in_local_time():
    moment = datetime.datetime(2026, 11, 30, 2, 36, 31, 491181, tzinfo=datetime.UTC)
    assert machine_time(moment) == "2026-11-30T09:36:31+07:00"  # TIME_ZONE is Asia/Bangkok
    assert machine_time(datetime.date(2026, 11, 30)) == "2026-11-30"
    assert machine_time(None) == ""
    assert machine_time("") == ""
    assert to_the_second(moment) == moment.replace(microsecond=0)
    assert to_the_second(None) is None


@pytest.mark.parametrize("url", ["article", "site:home", "news:article-list"])
def test_time_elements_show_whole_seconds(client, article, url):
    path = article.get_absolute_url() if url == "article" else reverse(url)
    html = client.get(path).content.decode()
    stamps = TIME_DATETIME.findall(html)
    assert stamps, f"no <time datetime> on {path}"
    assert [stamp for stamp in stamps if not WHOLE_SECONDS.fullmatch(stamp)] == []
    expected = timezone.localtime(article.publish_at).replace(microsecond=0).isoformat()
    assert expected in stamps


def test_article_sharing_tags_and_json_ld_show_whole_seconds(client, article):
    page = read(client.get(article.get_absolute_url()))
    for prop in ("article:published_time", "article:modified_time"):
        assert WHOLE_SECONDS.fullmatch(page.meta[prop]), page.meta[prop]
    data = page.structured("NewsArticle")
    assert WHOLE_SECONDS.fullmatch(data["datePublished"]), data["datePublished"]
    assert WHOLE_SECONDS.fullmatch(data["dateModified"]), data["dateModified"]
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == article.publish_at.replace(microsecond=0)


@pytest.mark.parametrize("name", ["feeds:news-rss", "feeds:news-atom"])
def test_feeds_show_whole_seconds(client, article, name):
    body = client.get(reverse(name)).content.decode()
    assert article.title in body
    assert FRACTION.findall(body) == []


def test_sitemap_lastmod_shows_whole_seconds(client, article):
    index = ET.fromstring(client.get(reverse("sitemap-index")).content)  # noqa: S314 (ours)
    stamps = [element.text for element in index.iterfind("sm:sitemap/sm:lastmod", NS)]
    assert stamps
    assert [stamp for stamp in stamps if not WHOLE_SECONDS.fullmatch(stamp)] == []


def test_publishing_now_stores_whole_seconds():
    article = ArticleFactory(status=Status.PUBLISHED, publish_at=None)
    assert article.publish_at is not None
    assert article.publish_at.microsecond == 0
    assert Article.objects.live().filter(pk=article.pk).exists()
