"""`mi_site.core.seo`: one description of a page becomes every tag machines read."""

from django.test import RequestFactory

from mi_site.core.seo import Crumb, FeedLink, describe, page_meta


def test_describe_uses_the_first_text_as_plain_text_cut_for_search_results():
    assert describe("", None, "<p>Rich <strong>text</strong>\n here.</p>") == "Rich text here."
    long = describe("word " * 100)
    assert len(long) <= 160 and long.endswith("\u2026")
    assert describe("", fallback="Fallback.") == "Fallback."


def test_page_meta_makes_every_address_absolute_and_lists_the_breadcrumbs(settings):
    settings.ALLOWED_HOSTS = ["www.example.org"]
    request = RequestFactory().get("/news/x/", HTTP_HOST="www.example.org")
    meta = page_meta(
        request,
        title="A story",
        description="What happened.",
        breadcrumbs=[Crumb("Home", "/"), Crumb("News", "/news/"), Crumb("A story", "/news/x/")],
        image="/media/news/hero.jpg",
        image_alt="A hero",
        feeds=[FeedLink("News", "/feeds/news/rss/", "/feeds/news/atom/")],
    )
    assert meta.canonical == "http://www.example.org/news/x/"
    assert meta.image == "http://www.example.org/media/news/hero.jpg"
    (crumbs,) = meta.structured_data
    assert crumbs["@type"] == "BreadcrumbList"
    assert [(item["position"], item["item"]) for item in crumbs["itemListElement"]] == [
        (1, "http://www.example.org/"),
        (2, "http://www.example.org/news/"),
        (3, "http://www.example.org/news/x/"),
    ]


def test_a_page_without_an_image_shares_the_site_image_described_as_mi():
    request = RequestFactory().get("/")
    meta = page_meta(request, title="Home", description="MI.")
    assert meta.image.startswith("http://testserver/static/img/mi-share")
    assert meta.image_alt == "Mekong Institute"
    assert meta.structured_data == []
