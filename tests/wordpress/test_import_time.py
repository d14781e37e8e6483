"""The time an import of a generated export takes: a measurement, not a test. Skipped unless
asked for, e.g. `WXR_BENCH_POSTS=3000 pytest -p no:xdist -s tests/wordpress/test_import_time.py`
(with DATABASE_URL for PostgreSQL). Runs with autocommit, as the command does in production."""

import io
import os
import time

import pytest
from django.core.management import call_command
from django.db import connection

from news.models import Article
from tests.factories import DepartmentFactory, ThemeFactory

from .generate import write_export

POSTS = int(os.environ.get("WXR_BENCH_POSTS", "0"))


@pytest.mark.skipif(not POSTS, reason="a measurement: set WXR_BENCH_POSTS=3000 to run it")
@pytest.mark.django_db(transaction=True)
def test_time_an_import(tmp_path, capsys):
    export, uploads = tmp_path / "export.xml", tmp_path / "uploads"
    DepartmentFactory(name="Trade and Investment Facilitation", short_name="TIF")
    ThemeFactory(name="Migration")
    started = time.perf_counter()
    write_export(export, uploads, posts=POSTS)
    generated = time.perf_counter() - started

    timings = {}
    for run in ("first import", "second import (unchanged)"):
        started = time.perf_counter()
        out = io.StringIO()
        call_command("import_wordpress", str(export), "--uploads", str(uploads), stdout=out)
        timings[run] = time.perf_counter() - started
    assert Article.objects.count() == POSTS

    with capsys.disabled():
        size = export.stat().st_size / 1e6
        print(f"\n{POSTS:,} posts ({size:.1f} MB of XML, {2 * POSTS:,} images) on "
              f"{connection.vendor}; generating took {generated:.1f} s")  # fmt: skip
        for run, seconds in timings.items():
            print(f"  {run}: {seconds:.1f} s ({1000 * seconds / POSTS:.1f} ms a post)")
        print("  " + out.getvalue().replace("\n", "\n  "))
