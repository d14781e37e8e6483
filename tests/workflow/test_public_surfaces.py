"""The state-by-role matrix on the public site, with time travel: what readers, editors and
publishers see of each state, on every surface that lists content."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from mi_site.core import workflow
from mi_site.core.publishing import Status
from tests.factories import ArticleFactory

from .conftest import signed_in

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
LISTS = ["site:home", "news:article-list", "feeds:news-rss", "feeds:news-atom"]


def shown_on_lists(client, item) -> dict[str, bool]:
    """Where the item is listed: by its title on pages and feeds, by its address in the
    sitemap (which names no titles)."""
    found = {name: item.title in client.get(reverse(name)).content.decode() for name in LISTS}
    sitemap = client.get(reverse("sitemap", args=["news"])).content.decode()
    found["sitemap"] = item.get_absolute_url() in sitemap
    return found


def test_a_scheduled_article_appears_everywhere_at_its_time_and_leaves_at_expiry(publisher):
    reader = Client()
    item = ArticleFactory(
        status=Status.DRAFT, publish_at=None, title="Scheduled story", slug="scheduled-story"
    )
    at = timezone.now().replace(microsecond=0) + HOUR
    workflow.schedule(item, user=publisher, at=at)
    item.expire_at = at + 24 * HOUR
    item.save()

    assert not any(shown_on_lists(reader, item).values())
    assert reader.get(item.get_absolute_url()).status_code == 404
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert all(shown_on_lists(reader, item).values())
        assert reader.get(item.get_absolute_url()).status_code == 200
    with time_machine.travel(at + 25 * HOUR):
        assert not any(shown_on_lists(reader, item).values())
        assert reader.get(item.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", [None, "Editors", "Publishers"])
def test_signed_in_staff_see_the_public_site_as_readers_do(role_user, role):
    """Staff see unpublished items only through previews, never on the public pages."""
    client = signed_in(role_user(role)) if role else Client()
    draft = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Draft story")
    review = ArticleFactory(status=Status.REVIEW, title="Story in review")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(review.get_absolute_url()).status_code == 404
    for item in (draft, review):
        assert not any(shown_on_lists(client, item).values())


def test_an_archived_article_keeps_its_address_with_a_notice_and_leaves_every_list(publisher):
    item = ArticleFactory(title="Old partnership news", slug="old-partnership-news")
    workflow.archive(item, user=publisher)
    reader = Client()
    response = reader.get(item.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "This news article is archived" in page or "This article is archived" in page
    assert '<meta name="robots" content="noindex' in page
    assert not any(shown_on_lists(reader, item).values())
    sitemap = reader.get(reverse("sitemap", args=["news"])).content.decode()
    assert "old-partnership-news" not in sitemap
