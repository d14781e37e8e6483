"""The pages that read the archive use indexes, never a scan of every article (PostgreSQL).

A constant number of queries is not a constant cost: one query that reads every article is
still one query. The bench site is built at a size where PostgreSQL prefers an index when
there is a usable one (with fresh statistics), each page is requested once, and every query
it ran that reads `news_article` is explained: no plan may scan that table sequentially.
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mi_site.benchdata import BenchSize, build_bench_site
from mi_site.demo import images
from mi_site.demo.loader import load_demo_content
from mi_site.search import postgres
from mi_site.search.engine import MAX_COUNTED
from mi_site.search.query import parse
from mi_site.search.registry import BY_NAME
from news.hubs import BY_KIND
from news.models import Article, live_tags
from tests.reference_data import restore_reference_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="query plans are PostgreSQL's (DATABASE_URL)"
    ),
]
ARTICLES = 4000
COMMON = "search: a word in half the articles"
ANALYZED = f"{COMMON} (EXPLAIN ANALYZE)"


@pytest.fixture(scope="module")
def plans(django_db_setup, django_db_blocker, tmp_path_factory):
    """{page: [(sql, plan)]} for every query of each page that reads the articles table.

    The site is committed and vacuumed, as autovacuum keeps a production database: inside a
    test's transaction the visibility map is empty, and PostgreSQL rightly prefers reading
    the table to an index-only scan. Everything is flushed afterwards.
    """
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("m")):
        try:
            restore_reference_data()
            images.FULL, full = images.SMALL, images.FULL
            try:
                load_demo_content()
            finally:
                images.FULL = full
            build_bench_site(BenchSize(articles=ARTICLES, people=80, programs=40))
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
            found = {page: explained(url) for page, url in pages().items()}
            # With how many articles match: the tests run after the first one's flush.
            matching = postgres.match(Article.objects.live(), BY_NAME["article"], parse("training"))
            found[ANALYZED] = (matching.count(), explained(pages()[COMMON], analyze=True))
            yield found
        finally:
            call_command("flush", interactive=False, verbosity=0)
            restore_reference_data()


def pages() -> dict[str, str]:
    article = (
        Article.objects.live()
        .filter(programs__isnull=False, tags__isnull=False, department__isnull=False)
        .first()
    )
    tag = live_tags().order_by("pk").first()
    partner = BY_KIND["partner"].public().order_by("pk").first()
    news = reverse("news:article-list")
    return {
        "article (related news)": article.get_absolute_url(),
        "news list": news,
        "news list, deep page": f"{news}?page=250",
        "news list by department": f"{news}?department={article.department.slug}",
        "news list by tag": f"{news}?tag={tag.slug}",
        "tag page": reverse("site:tag-detail", kwargs={"slug": tag.slug}),
        "tag feed": reverse("feeds:tag-rss", kwargs={"slug": tag.slug}),
        "home": reverse("site:home"),
        "sitemap index": reverse("sitemap-index"),
        "sitemap news, page 3": reverse("sitemap", kwargs={"section": "news"}) + "?p=3",
        "sitemap tags": reverse("sitemap", kwargs={"section": "tags"}),
        "partner page": partner.get_absolute_url(),
        "news list by partner": f"{news}?partner={partner.slug}",
        "partner feed": reverse("feeds:partner-rss", kwargs={"slug": partner.slug}),
        "partner list": reverse("site:partner-list"),
        "sitemap partners": reverse("sitemap", kwargs={"section": "partners"}),
        "search: a word": f"{reverse('site:search')}?q=rice",
        "search: a phrase, filtered": f"{reverse('site:search')}?q=%22food+safety%22&type=article",
        "search: a misspelt name": f"{reverse('site:search')}?q=Guohau",
        COMMON: f"{reverse('site:search')}?q=training",
    }


def explained(url: str, *, analyze: bool = False) -> list[tuple[str, str]]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url)
    assert response.status_code == 200, url
    found = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            if '"news_article"' in query["sql"] and query["sql"].startswith(("SELECT", "WITH")):
                cursor.execute(f"EXPLAIN {'(ANALYZE) ' * analyze}{query['sql']}")
                found.append((query["sql"], "\n".join(row[0] for row in cursor.fetchall())))
    return found


@pytest.mark.parametrize(
    "page",
    [
        "article (related news)",
        "news list",
        "news list, deep page",
        "news list by department",
        "news list by tag",
        "tag page",
        "tag feed",
        "home",
        "sitemap index",
        "sitemap news, page 3",
        "sitemap tags",
        "partner page",
        "news list by partner",
        "partner feed",
        "partner list",
        "sitemap partners",
        "search: a word",
        "search: a phrase, filtered",
        "search: a misspelt name",
    ],
)
def test_no_page_scans_the_articles_table(plans, page):
    assert plans[page], f"{page} ran no query on the articles"
    scans = [(sql, plan) for sql, plan in plans[page] if "Seq Scan on news_article " in plan]
    assert scans == [], "\n\n".join(f"{sql}\n{plan}" for sql, plan in scans)


def test_the_deep_page_reads_its_keys_from_the_index_alone(plans):
    keys = [plan for sql, plan in plans["news list, deep page"] if 'AS "pk" FROM' in sql]
    assert len(keys) == 1
    assert "Index Only Scan using article_live_newest" in keys[0]


def test_a_common_word_reads_what_the_page_shows_not_every_match(plans):
    """A word in half the articles (a sequential scan may well find them fastest) is ranked a
    tier at a time, newest first, and counted to the cap (mi_site/search/engine.py): no step
    of the search reads more articles than MAX_COUNTED + 1, however many match."""
    matching, analyzed = plans[ANALYZED]
    assert matching > MAX_COUNTED + 1
    [plan] = [plan for sql, plan in analyzed if "counted" in sql]  # the ranked list
    read = [
        int(rows) * int(loops)
        for line in plan.splitlines()
        if " on news_article " in line
        for rows, loops in re.findall(r"actual time=\S+ rows=(\d+) loops=(\d+)", line)
    ]
    assert read and max(read) <= MAX_COUNTED + 1, plan
