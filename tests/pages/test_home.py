"""The home page: the featured story, the latest news, ongoing programs and departments;
live content only, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mi_site.core.publishing import Status
from tests.factories import ArticleFactory, DepartmentFactory, ProgramFactory
from tests.pages.html import read

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_featured_story_is_the_newest_live_featured_article(client):
    now = timezone.now()
    ArticleFactory(title="Older featured", featured=True, publish_at=now - 5 * DAY)
    ArticleFactory(title="Featured story", featured=True, publish_at=now - 2 * DAY)
    ArticleFactory(title="Scheduled featured", featured=True, publish_at=now + DAY)
    ArticleFactory(title="Draft featured", featured=True, status=Status.DRAFT)
    ArticleFactory(title="Plain news", publish_at=now - DAY)
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["featured"].title == "Featured story"
    latest = [article.title for article in response.context["latest"]]
    # The featured story is not repeated among the latest news.
    assert latest == ["Plain news", "Older featured"]
    html = response.content.decode()
    assert "Scheduled featured" not in html and "Draft featured" not in html


def test_only_ongoing_live_programs_and_every_department(client):
    DepartmentFactory(name="Agricultural Development")
    ProgramFactory(title="Running program", start_date=datetime.date(2020, 1, 1),
                   end_date=datetime.date(2090, 1, 1))  # fmt: skip
    ProgramFactory(title="Finished program", start_date=datetime.date(2010, 1, 1),
                   end_date=datetime.date(2012, 1, 1))  # fmt: skip
    ProgramFactory(title="Draft program", status=Status.DRAFT)
    html = client.get("/").content.decode()
    assert "Running program" in html
    assert "Finished program" not in html
    assert "Draft program" not in html
    assert "Agricultural Development" in html


def test_home_describes_mi_as_an_organization(client):
    response = client.get("/")
    page = read(response)
    assert page.h1() == ["Mekong Institute"]
    data = page.structured("Organization")
    assert data["name"] == "Mekong Institute"
    assert data["url"] == "http://testserver/"
    assert data["logo"]["url"].startswith("http://testserver/static/img/mi-logo")
    assert page.link("canonical") == ["http://testserver/"]
    assert "/feeds/news/rss/" in page.link("alternate", "application/rss+xml")
    assert "/feeds/news/atom/" in page.link("alternate", "application/atom+xml")


def test_home_queries_do_not_grow_with_content(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    ArticleFactory(featured=True)
    ProgramFactory()
    few = count()
    ArticleFactory.create_batch(30)
    ProgramFactory.create_batch(20)
    assert count() == few <= 15
