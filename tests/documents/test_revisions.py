"""An item's documents are part of its history: restoring a version brings its list back."""

import pytest
from django.db import connection

from mi_site.core import revisions, workflow
from mi_site.core.publishing import Status
from tests.factories import ArticleFactory, DocumentFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def titles(item) -> set[str]:
    return set(
        type(item)._default_manager.get(pk=item.pk).documents.values_list("title", flat=True)
    )


@pytest.fixture
def publisher(role_user):
    return role_user("Publishers")


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory], ids=["article", "program"])
def test_restoring_an_old_version_brings_back_its_documents(factory, publisher):
    item = factory(status=Status.DRAFT)
    item.documents.set([DocumentFactory(title="Report 2019"), DocumentFactory(title="Brief")])
    old = revisions.record(item, user=publisher)
    item.documents.set([DocumentFactory(title="Report 2024")])
    revisions.record(item, user=publisher)

    workflow.restore_version(item, user=publisher, revision=old)

    assert titles(item) == {"Report 2019", "Brief"}


def test_a_published_article_gets_its_old_documents_back_once_approved(publisher):
    article = ArticleFactory()
    article.documents.add(DocumentFactory(title="Proceedings"))
    old = revisions.record(article, user=publisher)
    article.documents.clear()

    workflow.restore_version(article, user=publisher, revision=old)
    assert titles(article) == set()  # waiting for review: the public page is unchanged
    revisions.approve(article, revisions.pending(article), user=publisher)

    assert titles(article) == {"Proceedings"}


def test_a_document_deleted_since_is_left_out_of_the_restored_list(publisher):
    article = ArticleFactory(status=Status.DRAFT)
    kept, deleted = DocumentFactory(title="Kept"), DocumentFactory(title="Deleted")
    article.documents.set([kept, deleted])
    old = revisions.record(article, user=publisher)
    article.documents.clear()
    deleted.delete()

    workflow.restore_version(article, user=publisher, revision=old)

    assert titles(article) == {"Kept"}
    connection.check_constraints()  # no link row points at the deleted document
