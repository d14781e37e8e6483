"""Stored versions: the history page, a field-by-field comparison with the words marked, and
restore as a new draft, never straight over the live version."""

import pytest
from django.urls import reverse

from mi_site.core import revisions
from mi_site.core.diffs import mark_words
from mi_site.core.publishing import Status
from tests.factories import ArticleFactory, PartnerFactory, ProgramFactory

from .conftest import admin_url, save_form, signed_in

pytestmark = pytest.mark.django_db


def test_every_admin_save_is_a_version_with_who_and_when(publisher):
    item = ArticleFactory(title="First title")
    client = signed_in(publisher)
    save_form(client, item, title="Second title", workflow_note="Fixed the title")
    save_form(client, item, body="<p>A new body.</p>")
    versions = list(revisions.history(item))
    assert [v.revision.user for v in versions] == [publisher, publisher]
    assert versions[1].revision.comment == "Fixed the title"
    page = client.get(admin_url(item, "history")).content.decode()
    assert "Fixed the title" in page and "pim" in page


def test_compare_marks_the_words_of_rich_text_and_the_tags(publisher):
    item = ArticleFactory(body="<p>Thirty officials from <strong>Lao PDR</strong> met.</p>")
    item.tags.add("trade")
    client = signed_in(publisher)
    save_form(client, item)
    save_form(
        client,
        item,
        body="<p>Thirty-two officials from Lao PDR met in Vientiane.</p>",
        tags="trade, ການຄ້າ",
    )
    old, new = (v.revision_id for v in reversed(revisions.history(item)))
    page = client.get(admin_url(item, "compare"), {"a": old, "b": new}).content.decode()
    assert "<del>Thirty</del><ins>Thirty-two</ins>" in page
    assert "<del>met.</del><ins>met in Vientiane.</ins>" in page
    assert "ການຄ້າ" in page
    assert "Lao PDR</strong>" not in page  # rich text compared as words, not markup


def test_compare_escapes_what_it_marks():
    marked = mark_words("<b>old</b> text", "<script>alert(1)</script> text")
    assert "<script>" not in marked and "&lt;script&gt;" in marked


def test_compare_shows_partner_roles_of_a_program(publisher):
    program = ProgramFactory()
    client = signed_in(publisher)
    save_form(client, program, title="Before the partner")
    partner = PartnerFactory(name="Thailand International Cooperation Agency")
    program.partner_roles.create(partner=partner, role="funder")
    save_form(client, program, title="After the partner")
    old, new = (v.revision_id for v in reversed(revisions.history(program)))
    page = client.get(admin_url(program, "compare"), {"a": old, "b": new}).content.decode()
    assert "Thailand International Cooperation Agency" in page


def test_restore_on_a_draft_brings_the_old_text_back_as_a_draft(publisher):
    item = ArticleFactory(status=Status.REVIEW, title="Old title")
    client = signed_in(publisher)
    save_form(client, item, title="New title")
    save_form(client, item, title="Newer title")
    oldest = list(revisions.history(item))[-1]
    response = client.post(admin_url(item, "restore", oldest.revision_id))
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("New title", Status.DRAFT)


def test_restore_on_a_live_item_waits_for_review(client, editor, publisher):
    item = ArticleFactory(title="Live title")
    save_form(signed_in(publisher), item, title="Current live title")
    save_form(signed_in(publisher), item, title="Latest live title")
    first = list(revisions.history(item))[-1]
    assert signed_in(editor).post(admin_url(item, "restore", first.revision_id)).status_code == 302
    item.refresh_from_db()
    assert (item.title, item.status) == ("Latest live title", Status.PUBLISHED)
    with revisions.applied(item, revisions.pending(item)) as restored:
        assert restored.title == "Current live title"
    assert "Latest live title" in client.get(item.get_absolute_url()).content.decode()


def test_restore_needs_a_post_and_a_version_of_this_item(publisher):
    item, other = ArticleFactory(), ArticleFactory()
    client = signed_in(publisher)
    save_form(client, other, title="Other")
    version = revisions.history(other).first()
    assert client.get(admin_url(item, "restore", version.revision_id)).status_code == 405
    assert client.post(admin_url(item, "restore", version.revision_id)).status_code == 404
    assert client.get(admin_url(item, "compare"), {"a": version.revision_id}).status_code == 404


def test_history_and_compare_are_hidden_from_staff_who_may_not_edit(role_user):
    item = ArticleFactory()
    client = signed_in(role_user("Site administrators"))
    for view in ("history", "compare", "preview"):
        assert client.get(admin_url(item, view)).status_code in (403, 404), view
    save_form(signed_in(role_user("Publishers")), item, title="A stored version")
    version = revisions.history(item).first()
    assert client.post(admin_url(item, "restore", version.revision_id)).status_code == 404
    assert client.post(admin_url(item, "share")).status_code == 404
    assert client.get(reverse("admin:news_article_changelist")).status_code == 403
