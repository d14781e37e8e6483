"""One search: the matching rows of every kind in one ranked list, then a page of them shown.

Each kind's public rows (registry.py) are narrowed by the filters and by the database's
match (postgres.py or sqlite.py), which also gives each row a tier: 3 the name of a person,
program or partner, 2 a title, 1 a standfirst, summary or position (or a misspelt name),
0 the body or a related name. The kinds are one `UNION ALL` ordered by tier, then newest
first, read a page at a time with the number of all matches (one query, however much
matches). The rows of the page are then read once per kind shown,
with what their result line needs.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import DateTimeField, F, IntegerField, Value
from django.utils.safestring import SafeString

from mi_site.core.searchable import snippet_source

from . import index
from .query import Query
from .registry import BY_CODE, KINDS, Kind
from .snippets import highlight, snippet

PER_PAGE = 10
# The kinds' matches (a UNION ALL) ranked: tier, then newest first; undated rows last.
RANKED = (
    "SELECT code, pk, tier, day, COUNT(*) OVER () FROM ({union}) AS hits "
    "ORDER BY tier DESC, day DESC NULLS LAST, code, pk DESC LIMIT %s OFFSET %s"
)


@dataclass(frozen=True)
class Filters:
    kind: Kind | None = None
    department: str | None = None  # slugs
    country: str | None = None
    year: int | None = None


class Hits:
    """Every match, best first, for Django's paginator, in one query: the page's rows with the
    number of all matches beside them (`COUNT(*) OVER ()`), so the matching rows are read and
    ranked once. Only a page past the end (then a 404) needs a second query to count."""

    def __init__(self, parts: list, window: slice, using: str = DEFAULT_DB_ALIAS):
        self.parts, self.window, self.using = parts, window, using
        self.rows: list | None = None
        self.total: int | None = None

    def _union(self):
        first, *rest = self.parts
        return first.union(*rest, all=True) if rest else first

    def _fetch(self) -> None:
        self.rows, self.total = [], 0
        if not self.parts:
            return
        sql, params = self._union().query.get_compiler(self.using).as_sql()
        start, stop = self.window.start or 0, self.window.stop
        with connections[self.using].cursor() as cursor:
            cursor.execute(RANKED.format(union=sql), [*params, stop - start, start])
            found = cursor.fetchall()
        self.rows = [row[:4] for row in found]
        self.total = found[0][4] if found else None

    def count(self) -> int:
        if self.rows is None:
            self._fetch()
        if self.total is None:  # a page past the last: count them to say so
            self.total = self._union().count()
        return self.total

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list:
        if self.rows is None:
            self._fetch()
        start, stop = window.start or 0, window.stop
        mine = self.window.start or 0
        if mine <= start and stop <= self.window.stop:  # the paginator cuts the last page
            return self.rows[start - mine : stop - mine]
        return Hits(self.parts, window, self.using)[window]


def hits(query: Query, filters: Filters, now: datetime, *, page: int = 1) -> Hits:
    """(code, pk, tier, day) of every match of each kind the filters allow; `page` is the
    page that will be asked for (its rows come with the count)."""
    backend = index.backend()
    ranked = []
    for kind in (filters.kind,) if filters.kind else KINDS:
        rows = kind.filtered(
            kind.public(now),
            department=filters.department,
            country=filters.country,
            year=filters.year,
        )
        if rows is None:
            continue
        rows = backend.match(rows.order_by(), kind, query)
        day = F("publish_at") if kind.dated else Value(None, output_field=DateTimeField())
        rows = rows.annotate(
            code=Value(kind.code, output_field=IntegerField()),
            tier=backend.tier(kind, query),
            day=day,
        )
        ranked.append(rows.values_list("code", "pk", "tier", "day"))
    start = (page - 1) * PER_PAGE
    return Hits(ranked, slice(start, start + PER_PAGE))


@dataclass(frozen=True)
class Result:
    kind: Kind
    item: object
    title: SafeString
    snippet: SafeString
    label: str  # the department, or a partner's kind

    @property
    def url(self) -> str:
        return self.item.get_absolute_url()

    @property
    def department(self):
        return getattr(self.item, "department", None)


def _label(kind: Kind, item) -> str:
    if kind.name == "partner":
        return item.get_kind_display()
    department = getattr(item, "department", None)
    return department.name if department else ""


def results(rows, query: Query, now: datetime) -> list[Result]:
    """The page's rows as results, in the page's order: one query per kind on the page."""
    wanted: dict[int, list[int]] = {}
    for code, pk, *_ in rows:
        wanted.setdefault(code, []).append(pk)
    found = {}
    for code, pks in wanted.items():
        for item in BY_CODE[code].public(now).filter(pk__in=pks):
            found[code, item.pk] = item
    terms = query.highlight_terms
    shown = []
    for code, pk, *_ in rows:
        item = found.get((code, pk))
        if item is None:  # went out of view between the two queries
            continue
        kind = BY_CODE[code]
        title = str(getattr(item, kind.name_field)) if kind.name != "partner" else str(item)
        shown.append(
            Result(
                kind=kind,
                item=item,
                title=highlight(title, terms),
                snippet=snippet(snippet_source(item), terms),
                label=_label(kind, item),
            )
        )
    return shown
