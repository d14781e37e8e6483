"""An editor's change to a published item waits for a publisher; the public keeps seeing the
published version until it is approved (Wagtail's live-and-draft-revision model)."""

import pytest
from django.core import mail

from mi_site.core import revisions
from mi_site.core.models import Action, AuditEntry, Kind
from mi_site.core.publishing import Status
from programs.models import Country
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, ProgramMembershipFactory, ProgramPartnerFactory

from .conftest import admin_url, save_form, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_article():
    article = ArticleFactory(title="Workshop on food safety", standfirst="Thirty officials met.")
    article.tags.add("food safety")
    return article


def test_an_editors_change_to_a_live_article_is_invisible_until_approved(
    client, editor, publisher, live_article, django_capture_on_commit_callbacks
):
    vietnam = Country.objects.get(iso_code="VN")
    with django_capture_on_commit_callbacks(execute=True):
        response = save_form(
            signed_in(editor),
            live_article,
            title="Workshop on food safety in Hanoi",
            countries=[str(vietnam.pk)],
            tags="food safety, ความปลอดภัยอาหาร",
        )
    assert response.status_code == 302

    live_article.refresh_from_db()
    assert live_article.title == "Workshop on food safety"
    assert live_article.status == Status.PUBLISHED
    assert not live_article.countries.exists()
    assert set(live_article.tags.names()) == {"food safety"}
    page = client.get(live_article.get_absolute_url()).content.decode()
    assert "Workshop on food safety" in page and "in Hanoi" not in page

    pending = revisions.pending(live_article)
    assert pending is not None and pending.user == editor
    assert [m.to for m in mail.outbox] == [["pim@mi.example"]]
    assert "Workshop on food safety" in mail.outbox[0].subject
    assert admin_url(live_article, "change") in mail.outbox[0].body
    assert admin_url(live_article, "compare") in mail.outbox[0].body

    # The publisher's form shows the change; "Approve and publish" makes it the live version.
    publishing = signed_in(publisher)
    form = publishing.get(admin_url(live_article, "change")).content.decode()
    assert "A change waits for review" in form and "in Hanoi" in form
    assert save_form(publishing, live_article, _publish="1").status_code == 302

    live_article.refresh_from_db()
    assert live_article.title == "Workshop on food safety in Hanoi"
    assert list(live_article.countries.all()) == [vietnam]
    assert set(live_article.tags.names()) == {"food safety", "ความปลอดภัยอาหาร"}
    assert revisions.pending(live_article) is None
    assert "in Hanoi" in client.get(live_article.get_absolute_url()).content.decode()
    approval = AuditEntry.objects.get(action=Action.APPROVE)
    assert (approval.username, approval.comment) == ("pim", "the change ann submitted")


def test_a_publisher_sends_a_change_back_with_a_note_the_editor_sees(
    editor, publisher, live_article, django_capture_on_commit_callbacks
):
    save_form(signed_in(editor), live_article, standfirst="Thirty-one officials met.")
    mail.outbox.clear()
    publishing = signed_in(publisher)
    page = publishing.get(admin_url(live_article, "change"))
    with django_capture_on_commit_callbacks(execute=True):
        response = publishing.post(
            admin_url(live_article, "change"),
            form_data(page, _reject="1", workflow_note="Count again: 30."),
        )
    assert response.status_code == 302
    live_article.refresh_from_db()
    assert live_article.standfirst == "Thirty officials met."
    assert revisions.pending(live_article) is None
    assert revisions.history(live_article).filter(kind=Kind.REJECTED).count() == 1
    assert [m.to for m in mail.outbox] == [["ann@mi.example"]]
    assert "Count again: 30." in mail.outbox[0].body

    form = signed_in(editor).get(admin_url(live_article, "change")).content.decode()
    assert "Sent back by pim" in form and "Count again: 30." in form


def test_a_publishers_own_edit_of_a_live_article_goes_live_at_once(publisher, live_article):
    assert save_form(signed_in(publisher), live_article, title="Corrected").status_code == 302
    live_article.refresh_from_db()
    assert live_article.title == "Corrected"
    assert revisions.pending(live_article) is None


def test_an_editors_draft_edit_is_saved_directly(editor):
    draft = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Draft")
    assert save_form(signed_in(editor), draft, title="Better draft").status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Better draft"
    assert revisions.pending(draft) is None


def test_a_second_editor_builds_on_the_waiting_change(editor, role_user, live_article):
    save_form(signed_in(editor), live_article, title="First correction")
    second = role_user("Editors", username="bo")
    form = signed_in(second).get(admin_url(live_article, "change")).content.decode()
    assert "First correction" in form
    save_form(signed_in(second), live_article, standfirst="Second correction.")
    pending = revisions.pending(live_article)
    with revisions.applied(live_article, pending) as changed:
        assert (changed.title, changed.standfirst) == ("First correction", "Second correction.")
    live_article.refresh_from_db()
    assert live_article.title == "Workshop on food safety"


def test_removing_a_funder_from_a_live_program_waits_for_approval(editor, publisher):
    row = ProgramPartnerFactory(partner__name="Swiss Agency for Development and Cooperation")
    program = row.program
    ProgramMembershipFactory(program=program)
    save_form(signed_in(editor), program, **{"partner_roles-0-DELETE": "on"})
    assert program.partner_roles.count() == 1
    assert program.memberships.count() == 1

    save_form(signed_in(publisher), program, _publish="1")
    assert program.partner_roles.count() == 0
    assert program.memberships.count() == 1, "the team is untouched"


def test_a_title_with_a_line_break_still_reaches_the_publishers(
    editor, publisher, django_capture_on_commit_callbacks
):
    article = ArticleFactory(title="Trade talks")
    with django_capture_on_commit_callbacks(execute=True):
        response = save_form(signed_in(editor), article, title="Trade talks\r\nBcc: x@evil.example")
    assert response.status_code == 302
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("For review: Trade talks Bcc: x@evil.example", ["pim@mi.example"])
    ]
