"""Department, country, theme and tag pages: the object, its live programs, staff and news,
and its feeds."""

import pytest
from django.urls import reverse

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
from tests.pages.html import read

pytestmark = pytest.mark.django_db


def feeds(response) -> set[str]:
    page = read(response)
    return set(page.link("alternate", "application/rss+xml")) | set(
        page.link("alternate", "application/atom+xml")
    )


@pytest.fixture
def department():
    department = DepartmentFactory(
        name="Sustainable Energy and Environment",
        summary="Clean energy and climate resilience.",
        description="<p>The SEE Department supports the energy transition.</p>",
    )
    PersonFactory(display_name="See Director", department=department,
                  leadership_rank=Person.Rank.DIRECTOR)  # fmt: skip
    PersonFactory(display_name="See Officer", department=department)
    PersonFactory(display_name="Former See", department=department, is_active=False)
    PersonFactory(display_name="Draft See", department=department, status=Status.DRAFT)
    PersonFactory(display_name="Other Director", leadership_rank=Person.Rank.DIRECTOR)
    ProgramFactory(title="Energy Dialogue", department=department)
    ProgramFactory(title="Draft Program", department=department, status=Status.DRAFT)
    ArticleFactory(title="Solar forum", department=department)
    ArticleFactory(title="Draft story", department=department, status=Status.DRAFT)
    return department


def test_department_page(client, department):
    response = client.get(department.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert read(response).h1() == ["Sustainable Energy and Environment"]
    assert response.context["director"].display_name == "See Director"
    assert [person.display_name for person in response.context["staff"]] == ["See Officer"]
    for text in ("The SEE Department supports the energy transition.", "Energy Dialogue",
                 "Solar forum", "See Officer"):  # fmt: skip
        assert text in html, text
    for hidden in ("Former See", "Draft See", "Other Director", "Draft Program", "Draft story"):
        assert hidden not in html, hidden
    assert f"/news/?department={department.slug}" in read(response).hrefs()
    assert feeds(response) >= {
        reverse("feeds:department-rss", kwargs={"slug": department.slug}),
        reverse("feeds:department-atom", kwargs={"slug": department.slug}),
    }
    crumbs = read(response).structured("BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Departments", department.name]


def test_department_without_a_director(client):
    department = DepartmentFactory()
    PersonFactory(department=department, leadership_rank=Person.Rank.MANAGER)
    response = client.get(department.get_absolute_url())
    assert response.status_code == 200
    assert response.context["director"] is None
    assert len(response.context["staff"]) == 1


def test_department_list(client, department):
    response = client.get(reverse("site:department-list"))
    assert response.status_code == 200
    assert department.get_absolute_url() in read(response).hrefs()


def test_country_page_lists_live_programs_and_news(client):
    laos = Country.objects.get(iso_code="LA")
    ProgramFactory(title="Program in Laos").countries.add(laos)
    ProgramFactory(title="Draft in Laos", status=Status.DRAFT).countries.add(laos)
    ArticleFactory(title="Story from Vientiane").countries.add(laos)
    ArticleFactory(title="Draft from Vientiane", status=Status.DRAFT).countries.add(laos)
    response = client.get(laos.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Program in Laos" in html and "Story from Vientiane" in html
    assert "Draft in Laos" not in html and "Draft from Vientiane" not in html
    assert reverse("feeds:country-rss", kwargs={"slug": laos.slug}) in feeds(response)


def test_theme_page(client):
    theme = ThemeFactory(name="Digital Economy")
    ArticleFactory(title="E-commerce week").themes.add(theme)
    ArticleFactory(title="Expired story", status=Status.ARCHIVED).themes.add(theme)
    response = client.get(theme.get_absolute_url())
    html = response.content.decode()
    assert read(response).h1() == ["Digital Economy"]
    assert "E-commerce week" in html and "Expired story" not in html
    assert reverse("feeds:theme-atom", kwargs={"slug": theme.slug}) in feeds(response)


def test_tag_page_shows_live_news_and_programs_with_the_tag(client):
    ArticleFactory(title="Migration story", tags=["labour migration"])
    ArticleFactory(title="Draft migration story", status=Status.DRAFT, tags=["labour migration"])
    ProgramFactory(title="Migration program").tags.add("labour migration")
    response = client.get(reverse("site:tag-detail", kwargs={"slug": "labour-migration"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Migration story" in html and "Migration program" in html
    assert "Draft migration story" not in html
    assert reverse("feeds:tag-rss", kwargs={"slug": "labour-migration"}) in feeds(response)


def test_a_tag_only_unpublished_news_carries_is_not_found(client):
    ArticleFactory(status=Status.DRAFT, tags=["secret plans"])
    assert (
        client.get(reverse("site:tag-detail", kwargs={"slug": "secret-plans"})).status_code == 404
    )
    assert client.get(reverse("site:tag-detail", kwargs={"slug": "nothing"})).status_code == 404


@pytest.mark.parametrize("name", ["department-detail", "country-detail", "theme-detail"])
def test_unknown_hub_is_not_found(client, name):
    assert client.get(reverse(f"site:{name}", kwargs={"slug": "no-such-thing"})).status_code == 404
