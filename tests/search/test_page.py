"""The search page: a helpful page without words, ranked results with them, calm answers to
odd input on both databases, never cached, never indexed, a search box on every page."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mi_site.search.engine import PER_PAGE
from tests.factories import ArticleFactory, PersonFactory, ProgramFactory

URL = "/search/"
ODD = [
    "",
    "!!!",
    "-",
    "--",
    '"',
    '"rice',
    'rice"',
    "the of and",
    "a" * 10_000,
    "rice " * 3_000,
    "\x00",
    "ri\x00ce",
    "\x01\x02\x1b[31m",
    "'; DROP TABLE news_article; --",
    "rice:* & !(",
    "NEAR(rice farmers)",
    "{title}: rice",
    "*",
    "ຫຼ",
    "ั",
    "%",
    "rice -",
    "-rice",
    "🌾🌾",
]


def test_the_search_address_is_reserved_for_search():
    assert reverse("site:search") == URL


def test_without_words_a_helpful_page_not_every_row(client, indexed):
    ArticleFactory(title="Anything at all")
    indexed()
    body = client.get(URL).content.decode()
    assert "What are you looking for?" in body
    assert "Anything at all" not in body
    assert 'href="/search/?q=PROSAFE"' in body


@pytest.mark.parametrize("typed", ODD)
def test_odd_input_answers_calmly(client, indexed, typed):
    ArticleFactory(title="Rice farmers")
    indexed()
    response = client.get(URL, {"q": typed, "page": "1"})
    assert response.status_code == 200


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%00", "%C0%AF"])
def test_bytes_that_are_not_utf8_answer_calmly(client, indexed, raw):
    ArticleFactory(title="Rice farmers")
    indexed()
    assert client.get(f"{URL}?q=rice{raw}").status_code == 200


def test_odd_page_numbers_are_404(client, indexed):
    ArticleFactory(title="Rice farmers")
    indexed()
    for page in ("0", "abc", "-1", "99999", "1.5", "\u0661"):
        assert client.get(URL, {"q": "rice", "page": page}).status_code == 404, page


def test_results_show_type_label_date_and_highlighted_snippet(client, indexed):
    article = ArticleFactory(
        title="<script>alert('rice')</script> Rice farmers",
        body="<p>Smallholder <b>rice</b> farmers in Savannakhet.</p>",
    )
    indexed()
    body = client.get(URL, {"q": "rice"}).content.decode()
    assert "<script>alert" not in body
    assert (
        "&lt;script&gt;alert(&#x27;<mark>rice</mark>&#x27;)&lt;/script&gt; <mark>Rice</mark>"
        in (body)
    )
    assert "Smallholder <mark>rice</mark> farmers in Savannakhet." in body
    assert "<b>rice</b>" not in body
    label = '<span class="search-result__kind">News</span> <span aria-hidden="true">&middot;</span>'
    assert f"{label} {article.department.name}</p>" in body
    assert "<time datetime=" in body


def test_results_are_never_cached_nor_indexed(client, indexed):
    ArticleFactory(title="Rice farmers")
    indexed()
    response = client.get(URL, {"q": "rice"})
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex' in response.content.decode()


def test_results_are_paginated(client, indexed):
    for n in range(PER_PAGE + 3):
        ArticleFactory(title=f"Rice story {n}")
    indexed()
    first = client.get(URL, {"q": "rice"}).content.decode()
    assert f"{PER_PAGE + 3} results, page 1 of 2" in first
    second = client.get(URL, {"q": "rice", "page": "2"}).content.decode()
    assert second.count('class="card__title"') == 3


def test_every_page_has_a_labelled_search_box(client, indexed):
    PersonFactory(display_name="Anyone")
    indexed()
    for url in ("/", "/news/", reverse("people:person-list"), URL):
        body = client.get(url).content.decode()
        assert '<form class="site-search" role="search" action="/search/" method="get">' in body
        assert '<label class="visually-hidden" for="site-search-q">Search the site</label>' in (
            body
        )


def _grow(count, start):
    """Articles, people and programs that match: people and programs (names, first) fill
    page 1 at any size, so the same kinds are read at 5 and at 50 items."""
    now = timezone.now()
    for n in range(start, start + count):
        when = now - datetime.timedelta(hours=n + 1)
        ArticleFactory(title=f"Rice story {n}", publish_at=when)
        PersonFactory(display_name=f"Rice Person {n}", publish_at=when)
        ProgramFactory(title=f"Rice program {n}", publish_at=when)


def _queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, {"q": "rice"}).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_content(client, indexed):
    _grow(5, 0)
    indexed()
    small = _queries(client)
    _grow(45, 5)
    indexed()
    assert _queries(client) == small
