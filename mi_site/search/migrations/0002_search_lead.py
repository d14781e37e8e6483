"""A GIN index on every searchable table's `search_lead` (PostgreSQL only): a word rare in
titles and leads finds its title tier by the index, not by testing every row."""

from django.db import migrations

TABLES = ["news_article", "people_person", "programs_program", "programs_partner", "pages_page"]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(
                f'CREATE INDEX "{table}_search_lead" ON "{table}" USING gin ("search_lead")'
            )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_search_lead"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("news", "0011_search_lead"),
        ("people", "0007_search_lead"),
        ("programs", "0011_search_lead"),
        ("pages", "0006_search_lead"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
