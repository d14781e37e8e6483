"""The workflow functions: who may do what, from which state, and what each leaves behind.

Admin buttons, bulk actions and these tests all call the same functions."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from mi_site.core import workflow
from mi_site.core.models import Action, AuditEntry
from mi_site.core.publishing import State, Status
from news.models import Article
from people.models import Person
from programs.models import Program
from tests.factories import ArticleFactory, PageFactory, PersonFactory, ProgramFactory

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)
FACTORIES = [ArticleFactory, PersonFactory, ProgramFactory, PageFactory]


def draft(factory=ArticleFactory, **fields):
    return factory(**{"status": Status.DRAFT, "publish_at": None, **fields})


def actions_on(item) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_id=str(item.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_submit_then_publish_stamps_the_time_to_the_second(factory, editor, publisher):
    item = draft(factory)
    workflow.submit(item, user=editor)
    assert item.status == Status.REVIEW
    with time_machine.travel(datetime.datetime(2026, 5, 4, 9, 30, 15, 987654, tzinfo=datetime.UTC)):
        workflow.publish(item, user=publisher)
    item.refresh_from_db()
    assert item.state == State.LIVE
    assert item.publish_at == datetime.datetime(2026, 5, 4, 9, 30, 15, tzinfo=datetime.UTC)
    assert actions_on(item) == [Action.SUBMIT, Action.PUBLISH]


@pytest.mark.parametrize(
    "action", [workflow.publish, workflow.unpublish, workflow.archive, workflow.unarchive]
)
def test_an_editor_may_not_publish_unpublish_or_archive(action, editor):
    for item in (draft(), ArticleFactory(), ArticleFactory(status=Status.ARCHIVED)):
        before = (item.status, item.publish_at)
        with pytest.raises(workflow.WorkflowError, match="You may not"):
            action(item, user=editor)
        item.refresh_from_db()
        assert (item.status, item.publish_at) == before


def test_an_editor_may_not_schedule_or_send_back(editor):
    item = draft(status=Status.REVIEW)
    with pytest.raises(workflow.WorkflowError):
        workflow.schedule(item, user=editor, at=timezone.now() + HOUR)
    with pytest.raises(workflow.WorkflowError):
        workflow.reject(item, user=editor, comment="No.")
    item.refresh_from_db()
    assert item.status == Status.REVIEW


def test_a_user_without_the_role_may_not_even_submit(role_user):
    outsider = role_user("Site administrators")
    item = draft()
    with pytest.raises(workflow.WorkflowError):
        workflow.submit(item, user=outsider)


def test_an_inactive_publisher_may_do_nothing(role_user):
    gone = role_user("Publishers", is_active=False)
    with pytest.raises(workflow.WorkflowError):
        workflow.publish(draft(), user=gone)


def test_schedule_goes_live_by_itself_at_its_time(publisher):
    item = draft()
    at = timezone.now() + HOUR
    workflow.schedule(item, user=publisher, at=at)
    item.refresh_from_db()
    assert item.state == State.SCHEDULED
    assert not Article.objects.live().filter(pk=item.pk).exists()
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        assert Article.objects.live().filter(pk=item.pk).exists()


def test_schedule_refuses_a_time_in_the_past_or_after_the_expiry(publisher):
    item = draft()
    with pytest.raises(workflow.WorkflowError, match="future"):
        workflow.schedule(item, user=publisher, at=timezone.now() - HOUR)
    item.expire_at = timezone.now() + HOUR
    item.save()
    with pytest.raises(workflow.WorkflowError, match="expiry"):
        workflow.schedule(item, user=publisher, at=timezone.now() + 2 * HOUR)
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_publish_refuses_what_is_already_live_and_clears_a_past_expiry(publisher):
    with pytest.raises(workflow.WorkflowError, match="already live"):
        workflow.publish(ArticleFactory(), user=publisher)
    expired = ArticleFactory(publish_at=timezone.now() - 3 * HOUR, expire_at=timezone.now() - HOUR)
    workflow.publish(expired, user=publisher)
    expired.refresh_from_db()
    assert expired.state == State.LIVE and expired.expire_at is None


def test_unpublish_archive_and_restore(publisher):
    item = ArticleFactory()
    published_at = item.publish_at
    workflow.unpublish(item, user=publisher)
    assert item.status == Status.DRAFT
    with pytest.raises(workflow.WorkflowError, match="Only a published item"):
        workflow.unpublish(item, user=publisher)
    workflow.archive(item, user=publisher)
    with pytest.raises(workflow.WorkflowError, match="already archived"):
        workflow.archive(item, user=publisher)
    workflow.unarchive(item, user=publisher)
    item.refresh_from_db()
    # Published again later, the article keeps the date it first went out.
    workflow.publish(item, user=publisher)
    item.refresh_from_db()
    assert (item.state, item.publish_at) == (State.LIVE, published_at)


def test_send_back_needs_a_note(publisher):
    item = draft(status=Status.REVIEW)
    with pytest.raises(workflow.WorkflowError, match="Say what"):
        workflow.reject(item, user=publisher, comment="  ")
    workflow.reject(item, user=publisher, comment="Add the venue.")
    assert item.status == Status.DRAFT
    assert AuditEntry.objects.get(action=Action.REJECT).comment == "Add the venue."


def test_submit_only_from_draft(editor):
    with pytest.raises(workflow.WorkflowError, match="Only a draft"):
        workflow.submit(ArticleFactory(), user=editor)


def test_the_database_refuses_published_without_a_publish_time():
    item = draft()
    for model in (Article, Person, Program):
        assert model.objects.filter(status=Status.PUBLISHED, publish_at__isnull=True).count() == 0
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=item.pk).update(status=Status.PUBLISHED)


def test_bulk_says_what_was_done_and_what_was_skipped_and_why(publisher):
    items = [draft(title="A"), ArticleFactory(title="B"), draft(title="C")]
    report = workflow.for_each(workflow.publish, items, user=publisher)
    assert [i.title for i in report.done] == ["A", "C"]
    assert [(i.title, why) for i, why in report.skipped] == [("B", "This item is already live.")]
