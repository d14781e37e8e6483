"""`manage.py clean_images`: clean every media library image stored before images were cleaned
on upload (images/cleaning.py), with progress. A changed file keeps its name; its size is
recorded again (an upright photo swaps width and height) and its renditions are made again.
Files already clean are left alone, so running it twice is safe. Caches in front of the site
may keep the old bytes until they expire (a minute for pages, as long as nginx keeps media)."""

import sys

from django.core.management.base import BaseCommand

from images import renditions
from images.cleaning import clean_stored
from images.models import Image
from mi_site.core.progress import NoProgress, ProgressBar


class Command(BaseCommand):
    help = (
        "Remove location, camera details, comments and appended data from every stored library "
        "image that still has them."
    )

    def handle(self, *args, **options):
        progress = ProgressBar(sys.stderr) if options["verbosity"] > 0 else NoProgress()
        images = Image.objects.order_by("pk")
        progress.start("images", images.count())
        cleaned = failed = 0
        for image in images.iterator():
            outcome = clean_stored(image.file.storage, image.file.name)
            if outcome.problem:
                failed += 1
                self.stderr.write(f"Image {image.pk} ({image.file.name}): {outcome.problem}")
            elif outcome.changed:
                image.file.name = outcome.name
                image.width, image.height = outcome.size
                image.save(update_fields=["file", "width", "height"])
                renditions.make(image)
                cleaned += 1
            progress.advance()
        progress.finish()
        self.stdout.write(
            f"Images: {cleaned:,} cleaned, {failed:,} could not be read, "
            f"{images.count() - cleaned - failed:,} already clean."
        )
