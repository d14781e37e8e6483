"""Pages keep versions like articles: history, comparison, restore (waiting for review on a
live page) and share links that show the page as it will look."""

import re

import pytest

from mi_site.core import revisions
from mi_site.core.publishing import Status
from tests.factories import PageFactory
from tests.workflow.conftest import admin_url, save_form, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(role_user):
    return role_user("Editors", username="ann", email="ann@mi.example")


@pytest.fixture
def publisher(role_user):
    return role_user("Publishers", username="pim", email="pim@mi.example")


def test_every_save_is_a_version_that_can_be_compared(publisher):
    page = PageFactory(title="Governance", body="<p>The Council meets once a year.</p>")
    client = signed_in(publisher)
    save_form(client, page, workflow_note="First save")
    save_form(client, page, body="<p>The Council meets twice a year.</p>")
    history = client.get(admin_url(page, "history")).content.decode()
    assert "First save" in history and "pim" in history
    old, new = (v.revision_id for v in reversed(revisions.history(page)))
    compare = client.get(admin_url(page, "compare"), {"a": old, "b": new}).content.decode()
    assert "<del>once</del><ins>twice</ins>" in compare


def test_restoring_an_old_slug_on_a_live_page_waits_then_moves_the_pages_below(
    client, editor, publisher
):
    about = PageFactory(title="About MI", slug="about")
    PageFactory(title="Governance", slug="governance", parent=about)
    publishing = signed_in(publisher)
    save_form(publishing, about)
    save_form(publishing, about, slug="who-we-are")
    assert client.get("/who-we-are/governance/").status_code == 200

    first = list(revisions.history(about))[-1]
    assert signed_in(editor).post(admin_url(about, "restore", first.revision_id)).status_code == 302
    about.refresh_from_db()
    assert (about.url_path, about.status) == ("who-we-are", Status.PUBLISHED)

    assert save_form(publishing, about, _publish="1").status_code == 302
    assert client.get("/about/governance/").status_code == 200
    assert client.get("/who-we-are/governance/")["Location"] == "/about/governance/"


def test_a_share_link_shows_a_draft_page_to_someone_outside_the_admin(client, publisher):
    draft = PageFactory(title="Careers at MI", slug="careers", status=Status.DRAFT)
    response = signed_in(publisher).post(admin_url(draft, "share"), follow=True)
    path = re.search(r"http://testserver(/share/[^/\s]+/)", response.content.decode()).group(1)
    shared = client.get(path)
    assert shared.status_code == 200
    html = shared.content.decode()
    assert "Careers at MI" in html and "Shared preview" in html
    assert client.get("/careers/").status_code == 404
