"""`manage.py rebuild_renditions [--missing]`: make the renditions of every library image
again (renditions.py), with progress; `--missing` only of those without a record of their
present file (an import that skipped saves, a failure logged at save time). Safe to repeat;
an image that fails is counted and logged, and the others go on."""

import sys

from django.core.management.base import BaseCommand

from images.renditions import rebuild
from mi_site.core.progress import NoProgress, ProgressBar


class Command(BaseCommand):
    help = (
        "Make the smaller copies (renditions) of every media library image again. Saves make "
        "them; run this after changing the sizes or formats, after a bulk load, or with "
        "--missing to fill in the ones that failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Only images without renditions of their present file.",
        )

    def handle(self, *args, missing=False, **options):
        progress = ProgressBar(sys.stderr) if options["verbosity"] > 0 else NoProgress()
        counts = rebuild(missing=missing, progress=progress)
        self.stdout.write(
            f"Renditions: {counts.made:,} images made, {counts.failed:,} failed"
            + (f", {counts.skipped:,} already current." if missing else ".")
        )
