"""PostgreSQL: a weighted `tsvector` per row (GIN-indexed), English stemming without accents,
the reader's query (query.py) as a `to_tsquery` with prefixes for names and acronyms, and
trigram similarity for misspelt names.

The text search configuration `mi_search` (migration search/0001) is `english` with
`unaccent` before the stemmer, so "Ha Noi" finds "Hà Nội", as SQLite's `remove_diacritics`
does. A row's tier asks `search_lead`, the title and lead alone with the same weights, with
each word limited to the A (title) or A and B (lead) weights (`'rice':*A`), so what counts as
a title match is exactly what was indexed. That vector is a few hundred bytes stored in the
row, where the whole one is often compressed or out of line: the tiers never read it.

Not `websearch_to_tsquery`: query.py reads the same syntax ("phrases", -word) once for both
databases, and OR-ing websearch's query with the prefixed one (which already contains it)
made PostgreSQL misjudge how many rows match and read every article (30 ms instead of 8 ms
for a word in a fifth of 10,000 articles).
"""

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import BooleanField, F, Func, Q, Value

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


def _in(weights: str, query: Query) -> Q:
    """The title and lead match with these weights. A row whose `search_lead` is not written
    yet (just after its migration) does not; `IS NOT NULL` keeps the negation of this
    (engine.py: not a better tier) true for it, so it still shows, in the body's tier."""
    return Q(_Matches(F("search_lead"), tsquery(query, weights))) & Q(search_lead__isnull=False)


def _similar(kind, query: Query):
    return TrigramWordSimilar(F(kind.name_field), Value(query.loose_text))


def match(queryset, kind, query: Query):
    """The rows of `queryset` that match, by the GIN index (and, for names, the trigram one)."""
    found = Q(search_vector=tsquery(query))
    if kind.named and query.loose_text:
        found |= Q(_similar(kind, query))
    return queryset.filter(found)


def tiers(kind, query: Query) -> list[tuple[int, Q]]:
    """[(tier, condition)], best first: a row's tier is that of the first condition it meets
    (0 when none). Title and lead are asked of `search_lead`, never of the body's vector."""
    found = [(3 if kind.named else 2, _in("A", query)), (1, _in("AB", query))]
    if kind.named and query.loose_text:
        found.append((1, Q(_similar(kind, query))))
    return found


def write(kind, rows, using) -> None:
    """Store the vectors of `rows` [(pk, (title, lead, body, names))] in one statement."""
    if not rows:
        return
    model = kind.model
    connection = connections[using]
    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    weighted = [
        f"setweight(to_tsvector('{CONFIG}', d.{part}), '{weight}')"
        for part, weight in zip("abcd", "ABCD", strict=True)
    ]
    columns = list(zip(*[(key, *texts) for key, texts in rows], strict=True))
    # Names quoted from the model's metadata; every value is a parameter.
    sql = (
        f"UPDATE {table} AS t SET search_vector = {' || '.join(weighted)}, "  # noqa: S608
        f"search_lead = {' || '.join(weighted[:2])} "
        "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[]) "
        f"AS d(id, a, b, c, d) WHERE t.{pk} = d.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [list(column) for column in columns])


def delete(kind, pks, using) -> None:
    """Nothing to do: a deleted row takes its vector with it."""


def unindexed(kind, using):
    rows = kind.model._default_manager.using(using)
    return rows.filter(Q(search_vector__isnull=True) | Q(search_lead__isnull=True))
