"""Staff profiles: what MI's old profile showed, live programs and news only, and 410 Gone
with a designed page once someone has left."""

import pytest

from mi_site.core.publishing import Status
from people.models import Person, ProgramMembership
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
)
from tests.factories.images import library_image
from tests.pages.html import read

pytestmark = pytest.mark.django_db


@pytest.fixture
def director():
    return PersonFactory(
        honorific=Person.Honorific.MRS,
        display_name="Guohua Liu",
        position="Director, Sustainable Energy and Environment Department",
        department=DepartmentFactory(name="Sustainable Energy and Environment"),
        leadership_rank=Person.Rank.DIRECTOR,
        photo=library_image("portrait.jpg", size=(300, 400)),
        photo_alt="Guohua Liu at her desk",
        short_bio="Director of the SEE Department.",
        biography="<p>Previously at the Ministry of Foreign Affairs.</p>",
        education="<p>Master's degree in Economics.</p>",
        email="liu@mekonginstitute.org",
    )


def test_profile_shows_everything_the_old_site_did(client, director):
    response = client.get(director.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert read(response).h1() == ["Mrs. Guohua Liu"]
    for text in (
        "Director, Sustainable Energy and Environment Department",
        "Sustainable Energy and Environment",
        "Director of the SEE Department.",
        "<p>Previously at the Ministry of Foreign Affairs.</p>",
        "<p>Master's degree in Economics.</p>",
        'alt="Guohua Liu at her desk"',
        'width="300" height="400"',
        "mailto:liu@mekonginstitute.org",
    ):
        assert text in html, text


def test_programs_and_news_on_a_profile_are_live_only(client, director):
    live = ProgramFactory(title="Energy Dialogue")
    hidden = ProgramFactory(title="Hidden Program", status=Status.DRAFT)
    ProgramMembershipFactory(person=director, program=live, role=ProgramMembership.Role.LEAD)
    ProgramMembershipFactory(person=director, program=hidden)
    ArticleFactory(title="Energy dialogue opens").people.add(director)
    ArticleFactory(title="Draft story", status=Status.DRAFT).people.add(director)
    html = client.get(director.get_absolute_url()).content.decode()
    assert "Energy Dialogue" in html
    assert "Program lead" in html
    assert "Energy dialogue opens" in html
    assert "Hidden Program" not in html
    assert "Draft story" not in html


def test_person_json_ld(client, director):
    page = read(client.get(director.get_absolute_url()))
    data = page.structured("Person")
    assert data["name"] == "Guohua Liu"
    assert data["honorificPrefix"] == "Mrs."
    assert data["jobTitle"] == director.position
    assert data["worksFor"]["name"] == "Mekong Institute"
    assert data["image"] == f"http://testserver{director.photo.url}"
    names = [item["name"] for item in page.structured("BreadcrumbList")["itemListElement"]]
    assert names == ["Home", "Staff", "Guohua Liu"]
    assert page.meta["og:type"] == "profile"


def test_former_staff_answer_410_with_a_designed_page(client, director):
    director.is_active = False
    director.save()
    response = client.get(director.get_absolute_url())
    assert response.status_code == 410
    assert "people/person_gone.html" in [t.name for t in response.templates]
    page = read(response)
    assert page.h1() == ["Mrs. Guohua Liu no longer works at the Mekong Institute"]
    assert page.meta["robots"] == "noindex, follow"
    assert "/people/" in page.hrefs()
    # Their biography is no longer published.
    assert "Ministry of Foreign Affairs" not in response.content.decode()


def test_old_news_naming_former_staff_still_renders(client, director):
    article = ArticleFactory(title="An old story")
    article.people.add(director)
    director.is_active = False
    director.save()
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Guohua Liu" in response.content.decode()
    assert director.get_absolute_url() not in read(response).hrefs()


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_profiles_are_not_found(client, status):
    person = PersonFactory(status=status)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_unpublished_former_staff_are_not_found_rather_than_gone(client):
    person = PersonFactory(status=Status.DRAFT, is_active=False)
    assert client.get(person.get_absolute_url()).status_code == 404
