"""`manage.py load_demo_content`: the demo site, loaded idempotently (see mi_site.demo)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from mi_site.demo.loader import load_demo_content


class Command(BaseCommand):
    help = (
        "Create or update the demo departments, programs, people and news. Safe to run again: "
        "a second run changes nothing. Demo logins are added only with DEBUG on or "
        "--with-logins."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-logins",
            action="store_true",
            help="Also create the demo logins (public passwords) when DEBUG is off.",
        )

    def handle(self, *args, with_logins: bool, **options):
        with_logins = with_logins or settings.DEBUG
        writer = load_demo_content(with_logins=with_logins)
        self.stdout.write(writer.summary())
        if not with_logins:
            self.stdout.write(
                "Demo logins not created: DEBUG is off (pass --with-logins to create them)."
            )
