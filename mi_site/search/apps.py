from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def _trigram_threshold(sender, connection, **kwargs):
    """The word similarity a misspelt name needs (postgres.TRIGRAM_THRESHOLD), for this
    connection: the trigram operators read it from the session, and pg_trgm's default
    (0.6) misses "Guohau" for Guohua."""
    if connection.vendor == "postgresql":
        from .postgres import TRIGRAM_THRESHOLD

        with connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {TRIGRAM_THRESHOLD:.2f}")


def _catch_up(sender, using, plan=None, verbosity=1, stdout=None, **kwargs):
    """After `migrate`, index what is missing from the index (a small site's content)."""
    from django.db import connections
    from django.db.migrations.recorder import MigrationRecorder

    if ("search", "0001_initial") not in MigrationRecorder(connections[using]).applied_migrations():
        return
    from .index import catch_up

    done = catch_up(using=using)
    if done is None and verbosity and stdout:
        stdout.write("Search: many items are not indexed yet; run manage.py rebuild_search_index.")
    elif done and verbosity and stdout:
        stdout.write(f"Search: indexed {done} items.")


class SearchConfig(AppConfig):
    name = "mi_site.search"
    label = "search"
    verbose_name = "Site search"

    def ready(self):
        from . import signals

        signals.connect()
        connection_created.connect(_trigram_threshold, dispatch_uid="search_trigram_threshold")
        post_migrate.connect(_catch_up, sender=self, dispatch_uid="search_catch_up")
