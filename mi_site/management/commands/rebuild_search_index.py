"""`manage.py rebuild_search_index`: index every searchable row again, with progress."""

import sys

from django.core.management.base import BaseCommand

from mi_site.core.progress import ProgressBar
from mi_site.search.index import rebuild


class Command(BaseCommand):
    help = (
        "Index every article, profile, program, partner and page for site search again "
        "(PostgreSQL: the stored search vectors; SQLite: the FTS5 table). Saves keep the "
        "index current; run this after a bulk load that skipped saves, or to repair it. "
        "Safe to repeat."
    )

    def handle(self, *args, **options):
        counts = rebuild(progress=ProgressBar(sys.stderr))
        self.stdout.write(
            "Search index: " + ", ".join(f"{n:,} {kind}" for kind, n in counts.items()) + "."
        )
