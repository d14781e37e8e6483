"""`manage.py build_bench_site`: the demo cloned to a large site for `make bench`."""

import sys

from django.core.management.base import BaseCommand, CommandError

from mi_site.benchdata import BenchSize, ProgressBar, build_bench_site
from mi_site.core import contentversion

DEFAULT = BenchSize()


class Command(BaseCommand):
    help = (
        "Clone the demo content (load it first with load_demo_content) until the database "
        "holds --articles articles, --people people and --programs programs, with bulk "
        "inserts, then run VACUUM ANALYZE. For a benchmark database only: the clones are public. "
        "Running it again with the same sizes adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=DEFAULT.articles)
        parser.add_argument("--people", type=int, default=DEFAULT.people)
        parser.add_argument("--programs", type=int, default=DEFAULT.programs)
        parser.add_argument(
            "--seed", type=int, help="Random seed (the default builds the same site)"
        )

    def handle(self, *args, articles: int, people: int, programs: int, seed: int | None, **options):
        size = BenchSize(articles=articles, people=people, programs=programs)
        extra = {"seed": seed} if seed is not None else {}
        try:
            totals = build_bench_site(size, progress=ProgressBar(sys.stderr), **extra)
        except LookupError as error:
            raise CommandError(str(error)) from error
        contentversion.content_changed()  # rows were written in bulk, without signals
        self.stdout.write(
            "Bench site: " + ", ".join(f"{count:,} {name}" for name, count in totals.items()) + "."
        )
