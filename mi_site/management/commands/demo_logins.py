"""`manage.py demo_logins`: where the admin is and which demo login to use for each role."""

from django.core.management.base import BaseCommand
from django.urls import reverse

from mi_site.demo.logins import login_table


class Command(BaseCommand):
    help = "Print the admin address and the demo logins (created by load_demo_content)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Address the site is served at (default: %(default)s).",
        )

    def handle(self, *args, base_url: str, **options):
        rows = [("Role", "Username", "Password"), *login_table()]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write(f"Admin: {base_url.rstrip('/')}{reverse('admin:index')}")
        for row in rows:
            self.stdout.write(
                "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
