"""`manage.py import_redirects FILE.csv`: good rows in, bad rows reported by line number,
duplicates resolved, safe to re-run, and 10,000 rows in bulk."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mi_site.core.models import Redirect
from tests.factories import ArticleFactory, PageFactory

pytestmark = pytest.mark.django_db


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_redirects", str(path), *args, stdout=out, stderr=err, verbosity=0)
    return out.getvalue(), err.getvalue()


def write(tmp_path, text, name="redirects.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_bad_and_duplicate_rows(tmp_path, client):
    article = ArticleFactory(slug="regional-migration-workshop")
    page = PageFactory(slug="governance")
    path = write(tmp_path, "\n".join([
        "old_path,target",
        f"/?p=15411,news.article:{article.pk}",
        "/news-activities/news-details/2014/12/14/mekong-institute-hol-1/,/news/regional-migration-workshop/",
        "/who-we-are/governance/,/governance/",
        "/what-we-do/thematic-areas/cross-cutting-topics/,/themes/",
        "/events/25th-anniversary,https://www.mekonginstitute.org/25/",
        "/no-target/",
        "/bad-target/,javascript:alert(1)",
        "/missing-item/,news.article:999999",
        "/unknown-kind/,shop.product:1",
        "/?p=15411,/news/",
        "",
        "ข่าว/การประชุม,/news/",
    ]))  # fmt: skip
    out, err = run(path)
    assert (
        "6 redirects written from 11 rows; 4 rows skipped; 1 row overridden by a later one." in out
    )
    assert "line 7: it needs two columns" in err
    assert "line 8: The new address must be a path" in err
    assert "line 9: there is no news.article with the id 999999" in err
    assert "line 10: Unknown kind of item" in err
    assert "line 11: the same old address as line 2; this line wins." in err

    assert client.get("/", {"p": "15411"})["Location"] == "/news/"
    typo3 = Redirect.objects.get(old_path__startswith="/news-activities")
    assert typo3.item == article  # a path that shows an item is stored as the item
    assert Redirect.objects.get(old_path="/who-we-are/governance").item == page
    assert client.get("/events/25th-anniversary/")["Location"] == (
        "https://www.mekonginstitute.org/25/"
    )
    assert client.get("/ข่าว/การประชุม/")["Location"] == "/news/"


def test_running_the_same_file_again_changes_nothing(tmp_path):
    path = write(tmp_path, "/a/,/news/\n/b/,/programs/\n")
    run(path)
    before = list(Redirect.objects.values_list("pk", "old_path", "target_path"))
    out, _ = run(path)
    assert (
        "2 redirects written from 2 rows; 0 rows skipped; 0 rows overridden by a later one." in out
    )
    assert list(Redirect.objects.values_list("pk", "old_path", "target_path")) == before


def test_chains_in_a_file_collapse_and_loops_are_cut(tmp_path, client):
    path = write(tmp_path, "/a/,/b/\n/b/,/c/\n/c/,/news/\n/x/,/y/\n/y/,/x/\n")
    run(path)
    for old in ("/a/", "/b/", "/c/"):
        assert client.get(old)["Location"] == "/news/", old
    assert Redirect.objects.filter(old_path__in=["/x", "/y"]).count() == 1


def test_ten_thousand_rows_are_written_in_bulk(tmp_path):
    lines = [f"/news-activities/news-details/2014/12/{n % 28 + 1:02d}/item-{n}/,/news/"
             for n in range(10_000)]  # fmt: skip
    path = write(tmp_path, "old_path,target\n" + "\n".join(lines) + "\n")
    with CaptureQueriesContext(connection) as queries:
        out, _ = run(path)
    assert "10,000 redirects written from 10,000 rows; 0 rows skipped" in out
    assert Redirect.objects.count() == 10_000
    # Resolving /news/ once per row is a URL match, not a query; rows are inserted in bulk
    # (batches of 1,000, which SQLite splits further by its limit on query parameters).
    assert len(queries) < 10_000 / 50


def test_an_unreadable_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "missing.csv")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\xff\xfe\x00\x00\x80")
    with pytest.raises(CommandError, match="Cannot read"):
        run(binary)
