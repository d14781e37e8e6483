"""The article page: everything MI's old article showed, nothing that is not live, and the
metadata search engines and social networks read."""

import datetime

import pytest
from django.utils import timezone

from mi_site.core.publishing import Status
from people.models import Person
from programs.models import Country
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PersonFactory,
    ProgramFactory,
    ThemeFactory,
)
from tests.factories.images import library_image
from tests.pages.html import PageReader, read

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def article():
    department = DepartmentFactory(name="Innovation and Technological Connectivity")
    article = ArticleFactory(
        title="MI holds workshop on regional migration management",
        standfirst="Labour ministries reported on their action plans.",
        body="<p>In continued support of safe labour migration.</p>",
        department=department,
        hero_image=library_image("hero.jpg", size=(1200, 675)),
        hero_alt="Participants around a table",
        hero_caption="The opening session",
        hero_credit="MI Communications",
        event_start=datetime.date(2020, 11, 23),
        event_end=datetime.date(2020, 11, 25),
        venue="Online",
        tags=["labour migration"],
    )
    article.themes.add(ThemeFactory(name="Social Inclusion"))
    article.programs.add(ProgramFactory(title="Labour Migration Program"))
    article.countries.set(Country.objects.filter(iso_code__in=["KH", "LA"]))
    return article


def test_shows_the_story_with_its_labels_dates_venue_and_image(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    page = read(response)
    assert page.h1() == ["MI holds workshop on regional migration management"]
    # The labels come above the title.
    assert html.index("Innovation and Technological Connectivity") < html.index("<h1")
    assert html.index("Social Inclusion") < html.index("<h1")
    for text in (
        "Labour ministries reported on their action plans.",
        "23\u201325 November 2020",
        "Online",
        "The opening session",
        "Photo: MI Communications",
        "<p>In continued support of safe labour migration.</p>",
        'alt="Participants around a table"',
        'width="1200" height="675"',
        "Labour Migration Program",
        "Cambodia",
        "Lao PDR",
        "labour migration",
    ):
        assert text in html, text


def test_links_active_people_and_names_former_staff_without_a_link(client, article):
    current = PersonFactory(display_name="Guohua Liu")
    former = PersonFactory(display_name="Former Colleague", is_active=False)
    hidden = PersonFactory(display_name="Draft Person", status=Status.DRAFT)
    article.people.add(current, former, hidden)
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert current.get_absolute_url() in read(response).hrefs()
    assert "Former Colleague" in html
    assert former.get_absolute_url() not in html
    assert "Draft Person" not in html


def test_programs_that_are_not_live_are_not_shown(client, article):
    article.programs.add(ProgramFactory(title="Unpublished program", status=Status.REVIEW))
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Labour Migration Program" in html
    assert "Unpublished program" not in html


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.PUBLISHED, "publish_at": timezone.now() + DAY},
        {
            "status": Status.PUBLISHED,
            "publish_at": timezone.now() - 3 * DAY,
            "expire_at": timezone.now() - DAY,
        },
    ],
)
def test_an_article_that_is_not_live_is_not_found(client, fields):
    article = ArticleFactory(**fields)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_news_article_json_ld_and_sharing_tags(client, article):
    page = read(client.get(article.get_absolute_url()))
    url = f"http://testserver{article.get_absolute_url()}"
    data = page.structured("NewsArticle")
    assert data["headline"] == article.title
    published = datetime.datetime.fromisoformat(data["datePublished"])
    modified = datetime.datetime.fromisoformat(data["dateModified"])
    # Machine-readable times are given to the whole second (mi_site/core/times.py).
    assert published == article.publish_at.replace(microsecond=0)
    assert modified >= published
    assert data["image"] == [f"http://testserver{article.hero_image.url}"]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Mekong Institute"
    assert data["mainEntityOfPage"] == url
    crumbs = page.structured("BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "News", article.title]
    assert crumbs[-1]["item"] == url
    assert page.link("canonical") == [url]
    assert page.meta["og:type"] == "article"
    assert page.meta["og:image"] == f"http://testserver{article.hero_image.url}"
    assert page.meta["twitter:card"] == "summary_large_image"
    assert page.meta["description"] == "Labour ministries reported on their action plans."


def test_visible_breadcrumbs_match_the_breadcrumb_list(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    start = html.index('aria-label="Breadcrumb"')
    nav = html[start : html.index("</nav>", start)]
    listed = read(client.get(article.get_absolute_url())).structured("BreadcrumbList")
    visible = PageReader(f"<nav {nav}</nav>")
    items = listed["itemListElement"]
    # Every crumb but the current page is a link to the same address as in the JSON-LD.
    assert visible.anchors == [
        (item["item"].removeprefix("http://testserver"), item["name"]) for item in items[:-1]
    ]
    assert f'<span aria-current="page">{article.title}</span>' in nav


def test_seo_fields_override_title_and_description(client, article):
    article.seo_title = "Migration workshop"
    article.seo_description = "A short description for search results."
    article.save()
    response = client.get(article.get_absolute_url())
    page = read(response)
    assert "<title>Migration workshop | Mekong Institute</title>" in response.content.decode()
    assert page.meta["description"] == "A short description for search results."


def test_an_article_without_image_shares_the_site_image(client):
    article = ArticleFactory(standfirst="", body="<p>Only a body.</p>")
    page = read(client.get(article.get_absolute_url()))
    assert page.meta["og:image"].startswith("http://testserver/static/img/mi-share")
    assert page.meta["description"] == "Only a body."


def test_json_ld_cannot_break_out_of_its_script_element(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    data = read(client.get(article.get_absolute_url())).structured("NewsArticle")
    assert data["headline"] == "</script><script>alert(1)</script>"


def test_no_inline_script_or_event_handler(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count("<script") == html.count('<script type="application/ld+json">')
    assert " onclick=" not in html and " onload=" not in html


def test_a_person_named_in_the_story_keeps_the_page_alive_after_leaving(client, article):
    person = PersonFactory(display_name="Departed Director", position="Director")
    article.people.add(person)
    Person.objects.filter(pk=person.pk).update(is_active=False)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Departed Director" in response.content.decode()
