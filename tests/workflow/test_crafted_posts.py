"""Crafted POSTs: the buttons and actions an editor is not shown do nothing when sent anyway."""

import pytest
from django.urls import reverse

from mi_site.core import revisions
from mi_site.core.publishing import State, Status
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, PageFactory, PersonFactory, ProgramFactory

from .conftest import change_url, save_form, signed_in

pytestmark = pytest.mark.django_db
FACTORIES = [ArticleFactory, PersonFactory, ProgramFactory, PageFactory]
BUTTONS = ["_publish", "_schedule", "_unpublish", "_archive", "_unarchive", "_reject"]


def changelist(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
@pytest.mark.parametrize("button", BUTTONS)
def test_an_editor_pressing_a_publisher_button_changes_no_state(editor, factory, button):
    items = [factory(status=Status.REVIEW), factory(), factory(status=Status.ARCHIVED)]
    client = signed_in(editor)
    for item in items:
        before = (item.status, item.publish_at, item.expire_at)
        save_form(client, item, **{button: "1", "workflow_note": "Crafted"})
        item.refresh_from_db()
        assert (item.status, item.publish_at, item.expire_at) == before, (button, before)


@pytest.mark.parametrize(
    "action",
    ["bulk_publish", "bulk_unpublish", "bulk_archive", "bulk_unarchive", "delete_selected"],
)
def test_an_editor_sending_a_publisher_bulk_action_changes_nothing(editor, action):
    items = [ArticleFactory(status=Status.REVIEW), ArticleFactory()]
    response = signed_in(editor).post(
        changelist(items[0]),
        {
            "action": action,
            "_selected_action": [str(i.pk) for i in items],
            "post": "yes",
        },
    )
    assert response.status_code in (200, 302)
    for item in items:
        before = item.status
        item.refresh_from_db()
        assert item.status == before


def test_a_publishers_bulk_publish_reports_each_item(publisher):
    items = [ArticleFactory(status=Status.REVIEW, title="Ready"), ArticleFactory(title="Live")]
    response = signed_in(publisher).post(
        changelist(items[0]),
        {
            "action": "bulk_publish",
            "_selected_action": [str(i.pk) for i in items],
        },
        follow=True,
    )
    page = response.content.decode()
    assert "done for 1" in page and "Skipped \u201cLive\u201d: This item is already live." in page
    items[0].refresh_from_db()
    assert items[0].state == State.LIVE


def test_an_editor_cannot_approve_their_own_change(editor):
    item = ArticleFactory(title="Live")
    client = signed_in(editor)
    save_form(client, item, title="Mine")
    save_form(client, item, _publish="1")
    item.refresh_from_db()
    assert item.title == "Live"
    assert revisions.pending(item) is not None


def test_a_crafted_status_field_is_ignored(editor):
    item = ArticleFactory(status=Status.DRAFT, publish_at=None)
    client = signed_in(editor)
    client.post(change_url(item), form_data(client.get(change_url(item)), status="published"))
    item.refresh_from_db()
    assert item.status == Status.DRAFT
