"""Running the import again: the same file changes nothing, a changed post is updated in
place, and a dry run writes nothing at all."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision
from taggit.models import Tag

from mi_site.core.models import Redirect
from mi_site.pages.models import Page
from news.models import Article

from .conftest import EXPORT

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "articles": dict(Article.objects.values_list("wordpress_id", "updated_at")),
        "pages": dict(Page.objects.values_list("wordpress_id", "updated_at")),
        "redirects": set(Redirect.objects.values_list("pk", "old_path", "old_query", "object_id")),
        "revisions": Revision.objects.count(),
        "tags": Tag.objects.count(),
        "files": stored_files(),
    }


def stored_files() -> set[str]:
    root = settings.MEDIA_ROOT
    return (
        {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}
        if root.exists()
        else set()
    )


def test_a_second_run_of_the_same_file_changes_nothing(imported, run_import):
    before = snapshot()
    assert before["files"]

    with CaptureQueriesContext(connection) as queries:
        summary = run_import()

    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT",
              "UPDATE", "DELETE"))]  # fmt: skip
    assert writes == []
    assert snapshot() == before
    assert "Articles: 0 created, 0 updated, 10 unchanged." in summary
    assert "Pages: 0 created, 0 updated, 4 unchanged." in summary
    assert "Images: 0 copied" in summary


def test_a_changed_post_updates_its_article(imported, run_import, tmp_path):
    original = Article.objects.get(wordpress_id=101)
    others = snapshot()["articles"]
    changed = tmp_path / "export-2.xml"
    changed.write_text(
        EXPORT.read_text()
        .replace(
            "<title><![CDATA[MI holds workshop on regional migration management]]></title>",
            "<title><![CDATA[MI holds a workshop on regional migration]]></title>",
        )
        .replace("<![CDATA[mi-workshop-migration]]>", "<![CDATA[workshop-on-migration]]>")
    )

    summary = run_import(changed)

    item = Article.objects.get(wordpress_id=101)
    assert (item.pk, item.title) == (original.pk, "MI holds a workshop on regional migration")
    assert item.updated_at > original.updated_at
    assert Article.objects.count() == 10
    assert "Articles: 0 created, 1 updated, 9 unchanged." in summary
    assert {k: v for k, v in snapshot()["articles"].items() if k != 101} == {
        k: v for k, v in others.items() if k != 101
    }
    assert Redirect.objects.filter(old_path="/workshop-on-migration", object_id=item.pk).exists()
    latest = Revision.objects.order_by("-pk").first()
    assert latest.comment == "Updated from WordPress"


def test_a_dry_run_writes_nothing(run_import):
    summary = run_import(EXPORT, "--dry-run")

    assert summary.startswith("Dry run: nothing was saved and no file was written.")
    assert "Articles: 10 created" in summary
    assert "Images: 5 copied" in summary  # what would have been copied
    assert not Article.objects.exists() and not Page.objects.exists()
    assert not Redirect.objects.exists() and not Tag.objects.exists()
    assert Revision.objects.count() == 0
    assert stored_files() == set()


def test_a_dry_run_after_an_import_reports_everything_unchanged(imported, run_import):
    before = snapshot()
    summary = run_import(EXPORT, "--dry-run")
    assert "Articles: 0 created, 0 updated, 10 unchanged." in summary
    assert snapshot() == before
