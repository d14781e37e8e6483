"""The database side of site search, for whichever database this is.

PostgreSQL: the pg_trgm and unaccent extensions, the text search configuration `mi_search`
(English stemming after unaccent), a GIN index on every searchable table's `search_vector`
and a GIN trigram index on the names a reader may misspell. SQLite: the FTS5 table
`search_index`. Each database skips the other's part. None of it is in a model's
`Meta.indexes`, which SQLite could not build; no model state changes here.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

# (table, column) pairs.
VECTORS = [
    ("news_article", "search_vector"),
    ("people_person", "search_vector"),
    ("programs_program", "search_vector"),
    ("programs_partner", "search_vector"),
    ("pages_page", "search_vector"),
]
NAMES = [
    ("people_person", "display_name"),
    ("programs_program", "title"),
    ("programs_partner", "name"),
]
CONFIGURATION = [
    "CREATE TEXT SEARCH CONFIGURATION mi_search (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION mi_search "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
]
FTS5 = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "title, lead, body, names, tokenize = 'porter unicode61 remove_diacritics 2')"
)


def _postgres_sql():
    yield from CONFIGURATION
    for table, column in VECTORS:
        yield f'CREATE INDEX "{table}_search" ON "{table}" USING gin ("{column}")'
    for table, column in NAMES:
        yield f'CREATE INDEX "{table}_{column}_trgm" ON "{table}" USING gin ("{column}" gin_trgm_ops)'


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = (
        list(_postgres_sql()) if vendor == "postgresql" else [FTS5] if vendor == "sqlite" else []
    )
    for sql in statements:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_index")
    elif vendor == "postgresql":
        for table, column in NAMES:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_{column}_trgm"')
        for table, _ in VECTORS:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{table}_search"')
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS mi_search")


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0009_search_vector"),
        ("people", "0005_search_vector"),
        ("programs", "0009_search_vector"),
        ("pages", "0004_search_vector"),
    ]

    operations = [
        TrigramExtension(),
        UnaccentExtension(),
        migrations.RunPython(forwards, backwards),
    ]
