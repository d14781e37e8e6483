"""Preview: exactly the public page, marked, noindex, never cached, for those who may edit."""

import pytest
from django.urls import reverse

from mi_site.core.publishing import Status
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, PageFactory, PersonFactory, ProgramFactory

from .conftest import admin_url, change_url, save_form, signed_in

pytestmark = pytest.mark.django_db
FACTORIES = [ArticleFactory, PersonFactory, ProgramFactory, PageFactory]


def assert_preview(response, text):
    assert response.status_code == 200
    page = response.content.decode()
    assert text in page
    assert 'class="item-notice item-notice--preview"' in page
    assert '<meta name="robots" content="noindex' in page
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_a_draft_previews_through_its_public_page(client, editor, factory):
    item = factory(status=Status.DRAFT, publish_at=None)
    assert client.get(item.get_absolute_url()).status_code == 404
    response = signed_in(editor).get(admin_url(item, "preview"))
    assert_preview(response, str(item) if factory is not PersonFactory else item.display_name)


def test_preview_of_a_live_article_shows_the_change_waiting_for_review(client, editor):
    item = ArticleFactory(title="Published title")
    save_form(signed_in(editor), item, title="Corrected title")
    assert_preview(signed_in(editor).get(admin_url(item, "preview")), "Corrected title")
    assert "Corrected title" not in client.get(item.get_absolute_url()).content.decode()


def test_preview_of_the_unsaved_form_saves_nothing(editor):
    item = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Saved title")
    client = signed_in(editor)
    data = form_data(client.get(change_url(item)), title="Typed, not saved")
    assert_preview(client.post(admin_url(item, "preview"), data), "Typed, not saved")
    item.refresh_from_db()
    assert item.title == "Saved title"
    assert client.post(change_url(item), data).status_code == 302  # the form is still fresh


@pytest.mark.parametrize("who", ["anonymous", "Site administrators"])
def test_nobody_else_sees_a_preview(client, role_user, who):
    item = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Secret draft")
    if who != "anonymous":
        client.force_login(role_user(who))
    response = client.get(admin_url(item, "preview"))
    assert response.status_code in (302, 403, 404)
    assert "Secret draft" not in response.content.decode()


def test_view_on_site_of_an_unpublished_item_opens_the_preview(editor):
    item = ArticleFactory(status=Status.DRAFT, publish_at=None)
    page = signed_in(editor).get(change_url(item)).content.decode()
    # Django's own "View on site" link, not the Preview link beside it.
    assert f'<a href="{admin_url(item, "preview")}" class="viewsitelink">' in page


def test_the_changelist_links_each_unpublished_item_to_its_preview(editor):
    draft = ArticleFactory(status=Status.DRAFT, publish_at=None)
    live = ArticleFactory()
    page = signed_in(editor).get(reverse("admin:news_article_changelist")).content.decode()
    assert admin_url(draft, "preview") in page
    assert admin_url(live, "preview") not in page
