"""`manage.py adopt_editor_images`: images the editor stored before the media library become
library images, and the rich text showing them gets its references (images/adoption.py), with
progress. Safe to repeat: a second run changes nothing."""

import sys

from django.core.management.base import BaseCommand

from images.adoption import adopt_editor_images
from mi_site.core.progress import NoProgress, ProgressBar


class Command(BaseCommand):
    help = (
        "Make a media library image of every file under editor/ that rich text shows, and "
        "add the library references to that rich text."
    )

    def handle(self, *args, **options):
        progress = ProgressBar(sys.stderr) if options["verbosity"] > 0 else NoProgress()
        adopted = adopt_editor_images(progress=progress)
        self.stdout.write(
            f"Editor images: {adopted.images:,} added to the media library, "
            f"{adopted.bodies:,} rich-text fields given references"
            + (f", {adopted.missing:,} missing from storage." if adopted.missing else ".")
        )
