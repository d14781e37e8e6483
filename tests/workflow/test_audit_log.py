"""The audit log: who did what and when, one admin page with filters, and nobody can change it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from mi_site.core import workflow
from mi_site.core.models import Action, AuditEntry
from mi_site.core.publishing import Status
from news.models import Article
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, ProgramFactory, UserFactory

from .conftest import save_form, signed_in

pytestmark = pytest.mark.django_db
LOG = reverse("admin:core_auditentry_changelist")


def test_every_step_of_an_articles_life_is_logged(editor, publisher):
    client = signed_in(editor)
    add = reverse("admin:news_article_add")
    client.post(add, form_data(client.get(add), title="Rice trade talks", _submit="1"))
    article = Article.objects.get(title="Rice trade talks")
    workflow.reject(article, user=publisher, comment="Add the date.")
    save_form(client, article, title="Rice trade talks, 12 May")
    workflow.submit(article, user=editor)
    workflow.publish(article, user=publisher)
    workflow.archive(article, user=publisher)
    signed_in(publisher).post(reverse("admin:news_article_delete", args=[article.pk]),
                              {"post": "yes"})  # fmt: skip
    steps = list(AuditEntry.objects.order_by("pk").values_list("username", "action"))
    assert steps == [
        ("ann", Action.CREATE), ("ann", Action.SUBMIT), ("pim", Action.REJECT),
        ("ann", Action.EDIT), ("ann", Action.SUBMIT), ("pim", Action.PUBLISH),
        ("pim", Action.ARCHIVE), ("pim", Action.DELETE),
    ]  # fmt: skip
    assert AuditEntry.objects.get(action=Action.DELETE).object_repr == "Rice trade talks, 12 May"


def test_the_log_filters_by_user_type_and_action(publisher, editor):
    workflow.publish(ArticleFactory(status=Status.REVIEW, title="An article"), user=publisher)
    workflow.submit(ProgramFactory(status=Status.DRAFT, publish_at=None, title="A program"),
                    user=editor)  # fmt: skip
    client = signed_in(publisher)
    assert "An article" in client.get(LOG, {"action": "publish"}).content.decode()
    assert "A program" not in client.get(LOG, {"action": "publish"}).content.decode()
    assert "A program" in client.get(LOG, {"user__id__exact": editor.pk}).content.decode()
    page = client.get(LOG).content.decode()
    assert "An article" in page and "A program" in page


def test_nobody_can_add_change_or_delete_a_row(publisher):
    workflow.publish(ArticleFactory(status=Status.REVIEW), user=publisher)
    entry = AuditEntry.objects.get()
    admin = signed_in(UserFactory(is_superuser=True))
    change = reverse("admin:core_auditentry_change", args=[entry.pk])
    assert admin.get(reverse("admin:core_auditentry_add")).status_code == 403
    admin.post(change, {"comment": "rewritten", "username": "someone"})
    assert admin.post(reverse("admin:core_auditentry_delete", args=[entry.pk]),
                      {"post": "yes"}).status_code == 403  # fmt: skip
    admin.post(LOG, {"action": "delete_selected", "_selected_action": [entry.pk], "post": "yes"})
    entry.refresh_from_db()
    assert (entry.username, entry.comment) == ("pim", "")


def test_editors_do_not_read_the_log(editor):
    assert signed_in(editor).get(LOG).status_code == 403


def test_a_role_change_is_logged(role_user):
    # Also a publisher: a site administrator grants only roles whose permissions they hold.
    admin = role_user("Site administrators", "Publishers", username="sam")
    colleague = UserFactory(username="newcomer")
    client = signed_in(admin)
    url = reverse("admin:auth_user_change", args=[colleague.pk])
    editors = Group.objects.get(name="Editors")
    client.post(url, form_data(client.get(url), groups=[str(editors.pk)]))
    entry = AuditEntry.objects.get(action=Action.ROLES)
    assert (entry.username, entry.object_repr) == ("sam", "newcomer")
    assert "Editors" in entry.comment


def test_the_dashboard_shows_what_waits_for_review(editor, publisher):
    item = ArticleFactory(title="Live")
    save_form(signed_in(editor), item, title="Changed")
    ArticleFactory(status=Status.REVIEW)
    page = signed_in(publisher).get(reverse("admin:index")).content.decode()
    assert "Waiting for your review" in page
    assert "?state=waiting" in page
    changelist = signed_in(publisher).get(reverse("admin:news_article_changelist"),
                                          {"state": "waiting"})  # fmt: skip
    assert changelist.context["cl"].result_count == 2
    assert (
        "Waiting for your review"
        not in signed_in(editor).get(reverse("admin:index")).content.decode()
    )
