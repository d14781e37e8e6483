"""Error pages in the site's design; the 500 page renders with no database at all."""

import pytest
from django.template import loader
from django.test import Client
from django.urls import get_resolver

from tests.factories import PersonFactory
from tests.pages.html import PageReader, read


def designed(html: str) -> PageReader:
    page = PageReader(html)
    assert len(page.h1()) == 1
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert page.meta["robots"] == "noindex"
    return page


@pytest.mark.django_db
def test_unknown_address_gets_the_designed_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    page = designed(response.content.decode())
    assert page.h1() == ["We could not find that page"]
    assert {"/", "/news/", "/programs/", "/people/"} <= page.hrefs()


@pytest.mark.django_db
def test_forbidden_gets_the_designed_403(rf):
    response = get_resolver().resolve_error_handler(403)(rf.get("/private/"))
    assert response.status_code == 403
    assert designed(response.content.decode()).h1() == ["You do not have access to this page"]


# No `db` fixture below: pytest-django refuses every database query, so these pass only if
# the 500 page never touches the database.


def test_500_template_renders_with_no_context_and_no_database():
    html = loader.get_template("500.html").render()
    assert designed(html).h1() == ["Sorry, something went wrong on our side"]


def test_a_crashing_view_answers_with_the_designed_500(settings):
    settings.ROOT_URLCONF = "tests.pages.crash_urls"
    client = Client(raise_request_exception=False)
    response = client.get("/crash/")
    assert response.status_code == 500
    assert designed(response.content.decode()).h1() == ["Sorry, something went wrong on our side"]


@pytest.mark.django_db
def test_former_staff_page_is_designed_too(client):
    person = PersonFactory(is_active=False, display_name="Left Already")
    response = client.get(person.get_absolute_url())
    assert response.status_code == 410
    page = read(response)
    assert len(page.h1()) == 1
    assert 'class="site-header"' in response.content.decode()
