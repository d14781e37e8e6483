"""`KeysFirstPaginator` gives the pages Django's `Paginator` gives, in two short queries."""

import datetime

import pytest
from django.core.paginator import EmptyPage, Paginator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mi_site.core.pagination import KeysFirstPaginator
from news.models import Article
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    now = timezone.now()
    # Pairs published at the same moment: the order must still be the same (pk breaks ties).
    for n in range(23):
        ArticleFactory(title=f"Story {n}", publish_at=now - datetime.timedelta(hours=n // 2))
    return Article.objects.live().select_related("department")


@pytest.mark.parametrize(("per_page", "orphans"), [(5, 0), (7, 2), (12, 0), (30, 0)])
def test_every_page_holds_what_djangos_paginator_gives(articles, per_page, orphans):
    ours = KeysFirstPaginator(articles, per_page, orphans=orphans)
    django = Paginator(articles, per_page, orphans=orphans)
    assert ours.num_pages == django.num_pages
    for number in django.page_range:
        assert list(ours.page(number)) == list(django.page(number)), number
    with pytest.raises(EmptyPage):
        ours.page(django.num_pages + 1)


def test_a_page_is_two_queries_after_the_count(articles):
    paginator = KeysFirstPaginator(articles, 5)
    assert paginator.count == 23
    with CaptureQueriesContext(connection) as queries:
        titles = [article.title for article in paginator.page(3)]
        departments = [article.department.name for article in paginator.page(3)]
    assert len(titles) == len(departments) == 5
    assert len(queries) == 4  # keys and rows, twice; the department came with each row
