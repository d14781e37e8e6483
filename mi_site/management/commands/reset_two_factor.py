"""`manage.py reset_two_factor USERNAME`: the operator's way to reset a second factor, for the
one account nobody else can reset (the last superuser who lost phone and backup codes)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from mi_site.accounts import twofactor


class Command(BaseCommand):
    help = "Forget a user's authenticator app and backup codes; they set up a new app at login."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        removed = twofactor.reset(user)
        self.stdout.write(f"Reset two-factor login of {username} ({removed} records removed).")
