"""SQLite (`make run`): one FTS5 table for every kind, ranked the same way as PostgreSQL.

`search_index` (migration search/0001, made only on SQLite) has a column per weight
(title, lead, body, names) and the Porter stemmer over `unicode61` without diacritics. Its
rowid is the item's primary key times 8 plus the kind's code, so an item's row is found and
replaced without a scan. A query is an FTS5 `MATCH` expression made from the parsed terms
(every word quoted; prefixes with `*`); the title tier is the same expression limited to the
title column (`{title} : ...`) or to title and lead.
"""

from django.db import connections
from django.db.models import Q
from django.db.models.expressions import RawSQL

from .query import Query, Term

TABLE = "search_index"
ROWS = 8  # rowid = pk * ROWS + kind.code


def _phrase(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def match_text(query: Query, columns: str = "") -> str:
    """The FTS5 expression: every included term, none of the excluded ones."""
    found = " AND ".join(_phrase(term) for term in query.included)
    if columns:
        return f"{{{columns}}} : ({found})"
    return f"({found})" + "".join(f" NOT {_phrase(term)}" for term in query.excluded)


def _rows(kind, expression: str) -> RawSQL:
    # The table's name is ours; the expression and the kind are parameters.
    sql = f"SELECT rowid / {ROWS} FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid %% {ROWS} = %s"  # noqa: S608
    return RawSQL(sql, [expression, kind.code])  # noqa: S611


def match(queryset, kind, query: Query):
    return queryset.filter(pk__in=_rows(kind, match_text(query)))


def tiers(kind, query: Query) -> list[tuple[int, Q]]:
    """[(tier, condition)], best first, as on PostgreSQL: the title, then title and lead."""
    return [
        (3 if kind.named else 2, Q(pk__in=_rows(kind, match_text(query, "title")))),
        (1, Q(pk__in=_rows(kind, match_text(query, "title lead")))),
    ]


def write(kind, rows, using) -> None:
    """Replace the index rows of `rows` [(pk, (title, lead, body, names))]."""
    if not rows:
        return
    delete(kind, [pk for pk, _ in rows], using)
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, lead, body, names) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
            [(pk * ROWS + kind.code, *texts) for pk, texts in rows],
        )


def delete(kind, pks, using) -> None:
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"DELETE FROM {TABLE} WHERE rowid = %s",  # noqa: S608
            [(pk * ROWS + kind.code,) for pk in pks],
        )


def unindexed(kind, using):
    sql = f"SELECT rowid / {ROWS} FROM {TABLE} WHERE rowid %% {ROWS} = %s"  # noqa: S608
    indexed = RawSQL(sql, [kind.code])  # noqa: S611
    return kind.model._default_manager.using(using).exclude(pk__in=indexed)
