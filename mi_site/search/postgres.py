"""PostgreSQL: a weighted `tsvector` per row (GIN-indexed), English stemming without accents,
the reader's query (query.py) as a `to_tsquery` with prefixes for names and acronyms, and
trigram similarity for misspelt names.

The text search configuration `mi_search` (migration search/0001) is `english` with
`unaccent` before the stemmer, so "Ha Noi" finds "Hà Nội", as SQLite's `remove_diacritics`
does. A row's tier asks the same vector with each word limited to the A (title) or A and B
(lead) weights (`'rice':*A`), so what counts as a title match is exactly what was indexed.

Not `websearch_to_tsquery`: query.py reads the same syntax ("phrases", -word) once for both
databases, and OR-ing websearch's query with the prefixed one (which already contains it)
made PostgreSQL misjudge how many rows match and read every article (30 ms instead of 8 ms
for a word in a fifth of 10,000 articles).
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import BooleanField, Case, F, Func, Q, Value, When

from .query import Query, Term

CONFIG = "mi_search"
# word_similarity() above which a name counts as meant ("Guohau" for Guohua: 0.57); set for
# each connection (apps.py), since the `<%`/`%>` operators read it from the session.
TRIGRAM_THRESHOLD = 0.5


def _words(term: Term, weights: str = "") -> str:
    quoted = [f"'{word}':{weights}" if weights else f"'{word}'" for word in term.words]
    if term.prefix:
        quoted[-1] = f"'{term.words[-1]}':*{weights}"
    return quoted[0] if len(quoted) == 1 else "(" + " <-> ".join(quoted) + ")"


def tsquery_text(query: Query, weights: str = "") -> str:
    """The parsed query in `to_tsquery` syntax: each word also a prefix (Vichit, PROSA,
    migrat), "phrases" with `<->`, exclusions with `!`. With `weights` ("A", "AB"), only the
    included terms, each limited to those weights (the title tier)."""
    parts = [_words(term, weights) for term in query.included]
    if not weights:
        parts += [f"!{_words(term)}" for term in query.excluded]
    return " & ".join(parts)


def tsquery(query: Query, weights: str = "") -> SearchQuery:
    return SearchQuery(tsquery_text(query, weights), config=CONFIG, search_type="raw")


class _Matches(Func):
    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _in(weights: str, query: Query) -> _Matches:
    return _Matches(F("search_vector"), tsquery(query, weights))


def _similar(kind, query: Query):
    return TrigramWordSimilar(F(kind.name_field), Value(query.loose_text))


def match(queryset, kind, query: Query):
    """The rows of `queryset` that match, by the GIN index (and, for names, the trigram one)."""
    found = Q(search_vector=tsquery(query))
    if kind.named and query.loose_text:
        found |= Q(_similar(kind, query))
    return queryset.filter(found)


def tier(kind, query: Query) -> Case:
    whens = [When(_in("A", query), then=Value(3 if kind.named else 2))]
    whens.append(When(_in("AB", query), then=Value(1)))
    if kind.named and query.loose_text:
        whens.append(When(_similar(kind, query), then=Value(1)))
    return Case(*whens, default=Value(0))


def write(kind, rows, using) -> None:
    """Store the vectors of `rows` [(pk, (title, lead, body, names))] in one statement."""
    if not rows:
        return
    model = kind.model
    connection = connections[using]
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    vector = " || ".join(
        f"setweight(to_tsvector('{CONFIG}', d.{part}), '{weight}')"
        for part, weight in zip("abcd", "ABCD", strict=True)
    )
    columns = list(zip(*[(key, *texts) for key, texts in rows], strict=True))
    # Names quoted from the model's metadata; every value is a parameter.
    sql = (
        f"UPDATE {table} AS t SET search_vector = {vector} "  # noqa: S608
        "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[]) "
        f"AS d(id, a, b, c, d) WHERE t.{pk} = d.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(column) for column in columns])


def delete(kind, pks, using) -> None:
    """Nothing to do: a deleted row takes its vector with it."""


def unindexed(kind, using):
    return kind.model._default_manager.using(using).filter(search_vector__isnull=True)
