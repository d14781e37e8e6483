"""Walk the whole public site from the home page and the sitemap, and check every page.

One crawl guards whole classes of bugs: a page that crashes, a broken internal link, a page
without its one <h1>, title or description, and any unpublished content (draft, in review,
scheduled, expired, archived) showing anywhere — lists, related news, hub pages, filter menus,
feeds or the sitemap.
"""

from collections import defaultdict

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from mi_site.core.publishing import PublishableQuerySet
from tests.site.content import build_site
from tests.site.crawler import crawl

FEED_KINDS = ["department", "theme", "program", "country", "tag", "partner"]
PAGE_TYPES = {
    "site:home",
    "news:article-list",
    "news:article-detail",
    "people:person-list",
    "people:person-detail",
    "programs:program-list",
    "programs:program-detail",
    "site:department-detail",
    "site:country-detail",
    "site:theme-detail",
    "site:tag-detail",
    "site:page-detail",
    "site:partner-list",
    "site:partner-detail",
    "site:search",
    "sitemap-index",
    "sitemap",
    "feeds:news-rss",
    "feeds:news-atom",
    *(f"feeds:{kind}-{fmt}" for kind in FEED_KINDS for fmt in ("rss", "atom")),
}
# 410 is the designed answer for a former staff member, whom old news still names.
FINE_STATUSES = {200, 301, 302, 410}


# The tests only read what the module fixture crawled; the marker keeps them with the other
# database tests, before any transactional test flushes the migrations' data.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def crawled(module_db):
    with module_db():
        site = build_site()
        # A former colleague's page is reached by its old address, not from the directory.
        start = ["/", reverse("sitemap-index"), site.former.get_absolute_url()]
        # Search: a query that matches live and hidden items of every kind (the hidden ones'
        # titles end in "news", "Name", "title", "Agency"), and the page without words.
        search = reverse("site:search")
        start += [f"{search}?q={words}" for words in ("news", "name", "title", "agency")]
        start.append(search)
        pages = crawl(Client(), start)
    return site, pages


def view_name(path):
    try:
        return resolve(path.split("?")[0]).view_name
    except Resolver404:
        return None


def test_no_page_answers_with_a_server_error(crawled):
    _, pages = crawled
    errors = {path: page.body[-2000:] for path, page in pages.items() if page.status >= 500}
    assert errors == {}


def test_every_internal_link_works(crawled):
    _, pages = crawled
    broken = {path: page.status for path, page in pages.items() if page.status not in FINE_STATUSES}
    assert broken == {}


def test_every_html_page_has_one_h1_a_title_and_a_description(crawled):
    _, pages = crawled
    problems = {}
    for path, page in pages.items():
        if not page.is_html:
            continue
        parsed = page.parsed
        found = []
        if parsed.h1_count != 1:
            found.append(f"{parsed.h1_count} <h1>")
        if not parsed.title.strip():
            found.append("empty or missing <title>")
        if not (parsed.description or "").strip():
            found.append("empty or missing meta description")
        if found:
            problems[path] = found
    assert problems == {}


def test_every_page_has_a_title_of_its_own(crawled):
    _, pages = crawled
    titles = defaultdict(list)
    for path, page in pages.items():
        if page.is_html and page.status == 200:
            titles[" ".join(page.parsed.title.split())].append(path)
    assert {title: paths for title, paths in titles.items() if len(paths) > 1} == {}


def test_nothing_unpublished_appears_anywhere(crawled):
    site, pages = crawled
    leaks = {}
    for path, page in pages.items():
        text = (path + page.body).lower()
        found = [marker for marker in site.markers if marker.lower() in text]
        if found:
            leaks[path] = found
    assert leaks == {}


def test_the_crawl_reaches_every_page_type_and_every_live_item(crawled):
    site, pages = crawled
    reached = {view_name(path) for path, page in pages.items() if page.status == 200}
    assert sorted(PAGE_TYPES - reached) == []
    items = site.articles + site.people + site.programs + site.pages
    assert {item.get_absolute_url() for item in items} - set(pages) == set()


def test_former_staff_answer_gone_with_a_designed_page(crawled):
    site, pages = crawled
    page = pages[site.former.get_absolute_url()]
    assert page.status == 410
    assert page.is_html and page.parsed.h1_count == 1


def test_the_leak_check_finds_content_when_the_visibility_rule_is_broken(module_db, monkeypatch):
    """The crawl's own check: with `.live()` and `.reachable()` letting everything through,
    markers show (a document attached only to hidden items is seen on their detail pages)."""
    monkeypatch.setattr(PublishableQuerySet, "live", lambda self, now=None: self.all())
    monkeypatch.setattr(PublishableQuerySet, "reachable", lambda self, now=None: self.all())
    with module_db():
        site = build_site()
        pages = crawl(Client(), ["/", reverse("sitemap-index")])
    seen = {m for page in pages.values() for m in site.markers if m.lower() in page.body.lower()}
    assert seen == set(site.markers)
