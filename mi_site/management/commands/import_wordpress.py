"""`manage.py import_wordpress EXPORT.xml`: MI's WordPress posts and pages brought in."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mi_site.core.progress import ProgressBar
from mi_site.wordpress import BadExport, BadMapping, import_wordpress
from mi_site.wordpress.addresses import LEGACY_META


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools \u2192 Export \u2192 All content): posts become "
        "articles, pages become pages, with their images, categories, tags and a redirect from "
        "every old address. Safe to run again: items are matched on their WordPress id, and "
        "what has not changed is not written."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="The WXR file WordPress exported.")
        parser.add_argument(
            "--uploads",
            type=Path,
            help="A copy of the site's wp-content/uploads folder, where images are read from.",
        )
        parser.add_argument(
            "--categories",
            type=Path,
            help="A CSV file of category_nicename,kind,slug rows (kind: department, theme or "
            "ignore). Categories not in it are matched to departments and themes by name.",
        )
        parser.add_argument(
            "--legacy-meta",
            default=LEGACY_META,
            help=f"The post meta field holding the TYPO3 address (default {LEGACY_META}).",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Do everything, then roll it back: nothing is saved and no file is written.",
        )

    def handle(self, *args, export, uploads, categories, legacy_meta, dry_run, **options):
        if not export.is_file():
            raise CommandError(f"There is no file {export}.")
        if uploads is not None and not uploads.is_dir():
            raise CommandError(f"There is no folder {uploads} (--uploads).")
        if categories is not None and not categories.is_file():
            raise CommandError(f"There is no file {categories} (--categories).")
        try:
            report = import_wordpress(
                export,
                uploads=uploads,
                categories=categories,
                dry_run=dry_run,
                legacy_meta=legacy_meta,
                progress=ProgressBar(sys.stderr),
            )
        except BadExport as error:
            raise CommandError(f"{export}: {error}") from error
        except BadMapping as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
