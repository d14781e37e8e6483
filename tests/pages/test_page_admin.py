"""Pages through the real admin: an editor writes and submits, a publisher publishes, and a
change to a live page's slug waits for review, then moves the pages below it."""

import re

import pytest
from django.urls import reverse

from mi_site.core import revisions
from mi_site.core.publishing import Status
from mi_site.pages.models import Page
from tests.admin.formdata import form_data
from tests.factories import PageFactory
from tests.workflow.conftest import save_form, signed_in

pytestmark = pytest.mark.django_db
ADD_PAGE = reverse("admin:pages_page_add")


@pytest.fixture
def editor(role_user):
    return role_user("Editors", username="ann", email="ann@mi.example")


@pytest.fixture
def publisher(role_user):
    return role_user("Publishers", username="pim", email="pim@mi.example")


def buttons(response) -> set[str]:
    return set(re.findall(r'<input type="submit"[^>]*name="(_\w+)"', response.content.decode()))


def change_url(page) -> str:
    return reverse("admin:pages_page_change", args=[page.pk])


def test_an_editor_writes_a_sub_page_and_submits_it_and_a_publisher_publishes_it(
    client, editor, publisher
):
    about = PageFactory(title="About MI", slug="about")
    writing = signed_in(editor)
    form = writing.get(ADD_PAGE)
    assert buttons(form) >= {"_save", "_submit"}
    assert not buttons(form) & {"_publish", "_schedule"}
    data = form_data(form, title="Governance", slug="", parent=str(about.pk),
                     body="<p>The Council meets once a year.</p>", _submit="1")  # fmt: skip
    assert writing.post(ADD_PAGE, data).status_code == 302
    page = Page.objects.get(title="Governance")
    assert (page.status, page.url_path) == (Status.REVIEW, "about/governance")
    assert client.get("/about/governance/").status_code == 404

    publishing = signed_in(publisher)
    assert "_publish" in buttons(publishing.get(change_url(page)))
    assert save_form(publishing, page, _publish="1").status_code == 302
    page.refresh_from_db()
    assert page.is_live
    response = client.get("/about/governance/")
    assert response.status_code == 200
    assert "The Council meets once a year." in response.content.decode()


def test_a_reserved_or_taken_slug_is_a_form_error_that_keeps_what_was_typed(editor):
    PageFactory(title="Contact", slug="contact")
    writing = signed_in(editor)
    for slug, message in [("news", "one of the site&#x27;s own addresses"),
                          ("contact", "Another page at the top level")]:  # fmt: skip
        data = form_data(writing.get(ADD_PAGE), title="Typed with care", slug=slug)
        response = writing.post(ADD_PAGE, data)
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html and "Typed with care" in html
    assert not Page.objects.filter(title="Typed with care").exists()


def test_choosing_a_sub_page_as_parent_is_refused_in_the_form(publisher):
    about = PageFactory(title="About MI", slug="about")
    governance = PageFactory(title="Governance", slug="governance", parent=about)
    response = save_form(signed_in(publisher), about, parent=str(governance.pk))
    assert response.status_code == 200
    assert "cannot sit under itself or under one of its own sub-pages" in response.content.decode()
    about.refresh_from_db()
    assert about.parent is None


def test_a_new_slug_on_a_live_page_waits_for_review_then_moves_the_pages_below(
    client, editor, publisher
):
    about = PageFactory(title="About MI", slug="about")
    PageFactory(title="Governance", slug="governance", parent=about)
    assert save_form(signed_in(editor), about, slug="who-we-are").status_code == 302
    about.refresh_from_db()
    assert about.url_path == "about" and revisions.pending(about) is not None
    assert client.get("/about/governance/").status_code == 200

    assert save_form(signed_in(publisher), about, _publish="1").status_code == 302
    assert client.get("/who-we-are/governance/").status_code == 200
    # The old addresses, the page's and the one below it, now redirect (tests/redirects).
    assert client.get("/about/governance/")["Location"] == "/who-we-are/governance/"


def test_the_page_list_shows_each_pages_address_and_state(publisher):
    about = PageFactory(title="About MI", slug="about")
    PageFactory(title="Governance", slug="governance", parent=about, status=Status.DRAFT)
    html = signed_in(publisher).get(reverse("admin:pages_page_changelist")).content.decode()
    assert "/about/governance/" in html and "state-draft" in html and "state-live" in html


def test_a_draft_page_is_previewed_by_its_editor(editor):
    page = PageFactory(title="Careers at MI", slug="careers", status=Status.DRAFT)
    response = signed_in(editor).get(reverse("admin:pages_page_preview", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Careers at MI" in html and "Preview" in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
