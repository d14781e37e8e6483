"""The anonymous page cache: a hit runs no SQL; any change to what a page shows, by an edit
or by the clock, is seen at once; staff, previews and cookies never touch it; 304s."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from images import signals
from mi_site.core import redirects, workflow
from mi_site.core.publishing import Status
from mi_site.pages.models import MenuItem
from tests.factories import ArticleFactory, PageFactory, UserFactory
from tests.factories.images import library_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]
HOUR = datetime.timedelta(hours=1)


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    return response, len(queries)


@pytest.mark.parametrize("path", ["/", "/news/", "/feeds/news/rss/", "/sitemap.xml",
                                  "/no-such-page/"])  # fmt: skip
def test_the_second_anonymous_request_is_a_hit_with_no_query(client, path):
    ArticleFactory(title="Rice value chains")
    first, queries = get(client, path)
    assert queries > 0 and "X-Cache" not in first
    second, queries = get(client, path)
    assert (second.status_code, queries, second["X-Cache"]) == (first.status_code, 0, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"] and "s-maxage=60" in second["Cache-Control"]
    assert second["ETag"] == first["ETag"] and second["Last-Modified"]


def test_an_edit_shows_at_once(client, committed):
    article = ArticleFactory(title="Rice value chains")
    assert b"Rice value chains" in client.get("/").content
    with committed():
        article.title = "Rice value chains in Cambodia"
        article.save()
    assert b"Rice value chains in Cambodia" in client.get("/").content


@pytest.mark.parametrize("action", ["unpublish", "archive"])
def test_workflow_actions_show_at_once(client, committed, action):
    article = ArticleFactory(title="Rice value chains")
    publisher = UserFactory(roles=["Publishers"])
    assert b"Rice value chains" in client.get("/news/").content
    with committed():
        getattr(workflow, action)(article, user=publisher)
    assert b"Rice value chains" not in client.get("/news/").content


def test_publishing_a_draft_shows_at_once(client, committed):
    draft = ArticleFactory(title="Draft on trade", status=Status.DRAFT, publish_at=None)
    assert b"Draft on trade" not in client.get("/news/").content
    with committed():
        workflow.publish(draft, user=UserFactory(roles=["Publishers"]))
    assert b"Draft on trade" in client.get("/news/").content


def test_deleting_and_relinking_show_at_once(client, committed):
    article = ArticleFactory(title="Food safety", tags=["rice"])
    assert client.get("/tags/rice/").status_code == 200
    with committed():
        article.tags.remove("rice")
    assert client.get("/tags/rice/").status_code == 404
    with committed():
        article.delete()
    assert b"Food safety" not in client.get("/news/").content


def test_a_rolled_back_edit_changes_nothing(client):
    article = ArticleFactory(title="Rice value chains")
    client.get("/")
    article.title = "Never committed"
    article.save()  # the test's transaction never commits: no on-commit callback runs
    response, queries = get(client, "/")
    assert queries == 0 and b"Never committed" not in response.content


def test_menu_and_redirect_changes_show_at_once(client, committed):
    page = PageFactory(title="Governance", slug="governance")
    assert b">Governance<" not in client.get("/").content
    with committed():
        MenuItem.objects.create(label="Governance", page=page, sort_order=1)
    assert b">Governance<" in client.get("/").content

    assert client.get("/old-governance/").status_code == 404
    with committed():
        redirects.add("/old-governance/", page)
    assert client.get("/old-governance/").status_code == 301


def test_a_scheduled_article_appears_and_an_expiring_one_goes_at_their_time(client, settings):
    # Entries live a day here: only the schedule, not their lifetime, may replace them.
    settings.PAGE_CACHE_SECONDS = 86400
    now = timezone.now()
    ArticleFactory(title="Scheduled story", publish_at=now + HOUR)
    ArticleFactory(title="Expiring story", publish_at=now - HOUR, expire_at=now + 2 * HOUR)
    paths = ["/", "/news/", "/feeds/news/rss/", "/sitemap-news.xml"]
    with time_machine.travel(now, tick=False):
        for path in paths:
            page = client.get(path)
            assert b"Scheduled story" not in page.content or path.startswith("/sitemap"), path
            # No cached page outlives the next scheduled change.
            assert int(page["Cache-Control"].split("s-maxage=")[1].split(",")[0]) <= 60
            assert get(client, path)[1] == 0  # cached
    with time_machine.travel(now + HOUR + datetime.timedelta(seconds=1), tick=False):
        assert b"Scheduled story" in client.get("/").content
        assert b"Scheduled story" in client.get("/news/").content
        assert b"Scheduled story" in client.get("/feeds/news/rss/").content
    with time_machine.travel(now + 2 * HOUR + datetime.timedelta(seconds=1), tick=False):
        assert b"Expiring story" not in client.get("/news/").content
        assert b"Expiring story" not in client.get("/feeds/news/rss/").content


def test_the_cache_lifetime_is_capped_by_the_next_scheduled_change(client):
    now = timezone.now()
    ArticleFactory(title="Soon", publish_at=now + datetime.timedelta(seconds=20))
    with time_machine.travel(now, tick=False):
        response = client.get("/")
    assert "max-age=20" in response["Cache-Control"]
    assert "s-maxage=20" in response["Cache-Control"]


def test_staff_are_never_served_from_nor_stored_in_the_cache(client):
    ArticleFactory(title="Rice value chains")
    client.get("/")
    client.force_login(UserFactory(roles=["Editors"]))
    response, queries = get(client, "/news/")
    assert queries > 0 and "X-Cache" not in response
    response, queries = get(client, "/news/")
    assert queries > 0, "a logged-in page must not be stored"
    client.logout()
    assert get(client, "/")[1] == 0  # the anonymous copy is still there


def test_previews_share_links_and_the_admin_are_not_cached(client):
    article = ArticleFactory(status=Status.DRAFT)
    for path in ("/admin/login/", "/share/some-token/", "/editor/upload/"):
        client.get(path)
        response = client.get(path)
        assert "X-Cache" not in response and "ETag" not in response, path
    staff = UserFactory(roles=["Editors"])
    client.force_login(staff)
    preview = client.get(f"/admin/news/article/{article.pk}/preview/")
    assert preview.status_code == 200 and "no-store" in preview["Cache-Control"]
    assert "X-Cache" not in client.get(f"/admin/news/article/{article.pk}/preview/")


def test_responses_that_set_a_cookie_or_say_private_are_not_stored(client):
    response = client.get("/admin/login/")  # sets the CSRF cookie
    assert "csrftoken" in response.cookies
    assert "X-Cache" not in client.get("/admin/login/")


def test_a_conditional_request_is_answered_304_with_no_body_and_no_query(client):
    ArticleFactory()
    etag = client.get("/news/")["ETag"]
    response, queries = get(client, "/news/", if_none_match=etag)
    assert (response.status_code, response.content, queries) == (304, b"", 0)
    assert response["ETag"] == etag


def test_a_conditional_request_after_a_change_gets_the_new_page(client, committed):
    article = ArticleFactory(title="Before")
    etag = client.get("/news/")["ETag"]
    with committed():
        article.title = "After"
        article.save()
    response = client.get("/news/", headers={"if-none-match": etag})
    assert response.status_code == 200 and b"After" in response.content
    assert response["ETag"] != etag


def test_head_is_answered_from_the_cached_get(client):
    client.get("/news/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/news/")
    assert (response.status_code, response.content, len(queries)) == (200, b"", 0)


@pytest.mark.parametrize("path", ["/no-such-page/", "/news/?utm_source=x"])
def test_made_up_addresses_stay_in_the_cache_only_a_minute(client, path):
    ten_am = datetime.datetime(2026, 6, 1, 3, 0, tzinfo=datetime.UTC)  # Bangkok: far from midnight
    with time_machine.travel(ten_am, tick=False):
        ArticleFactory()
        client.get(path)
        assert get(client, path)[1] == 0
        client.get("/news/")
    with time_machine.travel(ten_am + datetime.timedelta(seconds=61), tick=False):
        assert get(client, path)[1] > 0, "still cached after its minute"
    with time_machine.travel(ten_am + datetime.timedelta(minutes=30), tick=False):
        assert get(client, "/news/")[1] == 0, "a real page stays cached longer"


def test_renditions_made_after_a_page_was_cached_replace_the_original_at_once(client, committed):
    image = library_image("hero.jpg", size=(1200, 675), alt_text="Rice fields in Savannakhet")
    ArticleFactory(title="Rice value chains", hero_image=image, featured=True)
    assert b"srcset" not in client.get("/").content  # cached with the original
    with committed():
        signals.make_renditions(image)  # what the image's save scheduled after its commit
    page = client.get("/").content
    assert b"-wide-640.webp 640w" in page
    with committed():
        image.alt_text = "Farmers planting rice in Savannakhet"
        image.save()  # a library edit shows on the pages that show the image
    assert b"Farmers planting rice in Savannakhet" in client.get("/").content
