"""One search: the matching rows of every kind in one ranked list, then a page of them shown.

Each kind's public rows (registry.py) are narrowed by the filters and by the database's
match (postgres.py or sqlite.py), which also sorts them into tiers: 3 the name of a person,
program or partner, 2 a title, 1 a standfirst, summary or position (or a misspelt name),
0 the body or a related name. Ranked by tier, then newest first, in one query:

- each tier is its own set of rows per kind, read newest first by the publishing index with
  a LIMIT of what the page still needs once the better tiers are counted (`_ranked_sql`),
  so a word in half the articles reads the page's rows, not every match, and a lower tier
  the page does not reach is not read at all;
- beside the page, the number of matches, counted exactly up to `MAX_COUNTED`: above that
  the page says "more than 1,000" and the pages stop there (who reads page 101?).

The rows of the page are then read once per kind shown, with what their result line needs.
"""

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Case, DateTimeField, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils.safestring import SafeString

from mi_site.core.searchable import snippet_source

from . import index
from .query import Query
from .registry import BY_CODE, KINDS, Kind
from .snippets import highlight, snippet

PER_PAGE = 10
MAX_COUNTED = 1000  # matches counted exactly; the pages stop there


@dataclass(frozen=True)
class Filters:
    kind: Kind | None = None
    department: str | None = None  # slugs
    country: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class Part:
    """One kind's rows, (code, pk, tier, day): those of one tier, newest first (a large
    kind's), or, `tier` None, every match, in no order (a small kind's)."""

    rows: QuerySet
    tier: int | None = None
    matches: QuerySet | None = None  # a tier's rows, in no order (to count them)


def _sql(queryset: QuerySet, using: str) -> tuple[str, list]:
    sql, params = queryset.query.get_compiler(using).as_sql()
    return sql, list(params)


def _ctes(parts: list[Part], stop: int | None, using: str):
    """The CTEs of a search, [(sql, params)], and the SQL of the number of matches.

    `few(code, pk, tier, day)`: every match of the small kinds. With `stop` (the end of the
    page), `tier2`, `tier1`, `tier0`: the large kinds' newest `stop` rows of that tier, not
    read at all when the better tiers have `stop` rows. `counted2(n)`...: the large kinds'
    matches counted a tier at a time, best first: from the tier's CTE when it holds all of
    them, else up to MAX_COUNTED + 1, and not at all once the better tiers pass the cap. So
    a page that the titles fill, or a count they take past the cap, never reads the body's
    vector."""
    ctes, total = [], []
    whole = [part for part in parts if part.tier is None]
    tiered = sorted((part for part in parts if part.tier is not None), key=lambda p: -p.tier)
    if whole:
        branches, params = [], []
        for part in whole:
            rows_sql, rows_params = _sql(part.rows, using)
            branches.append(f"SELECT * FROM ({rows_sql}) AS part")  # noqa: S608
            params += rows_params
        ctes.append((f"few(code, pk, tier, day) AS ({' UNION ALL '.join(branches)})", params))
        total.append("(SELECT COUNT(*) FROM few)")
    better, counted = [], []
    for tier, group in groupby(tiered, lambda part: part.tier):
        members, name, whens = list(group), f"tier{tier:d}", []
        if counted:  # nothing more to count once the better tiers pass the cap
            whens.append((f"{' + '.join(counted)} > %s", "0", [MAX_COUNTED]))
        if stop:
            taken = [f"(SELECT COUNT(*) FROM {better_name})" for better_name in better]  # noqa: S608
            if whole:
                taken.append(f"(SELECT COUNT(*) FROM few WHERE tier > {tier:d})")  # noqa: S608
            # Read only when the better tiers leave room on the page: a test made once,
            # before any row is read. A LIMIT that depended on it would hide `stop` from
            # the planner, which would then expect to read a tenth of the rows.
            room, room_params = (f"{' + '.join(taken)} < %s", [stop]) if taken else ("", [])
            branches, params = [], []
            for part in members:
                rows_sql, rows_params = _sql(part.rows, using)
                where = f" WHERE {room}" if room else ""
                branches.append(f"SELECT * FROM ({rows_sql} LIMIT %s) AS part{where}")  # noqa: S608
                params += [*rows_params, stop, *room_params]
            ctes.append(
                (f"{name}(code, pk, tier, day) AS ({' UNION ALL '.join(branches)})", params)
            )
            better.append(name)
            # Read and not cut by its LIMIT: the tier's rows are all there, to be counted.
            rows = f"(SELECT COUNT(*) FROM {name})"  # noqa: S608
            whens.append(
                (" AND ".join([*[room] * bool(room), f"{rows} < %s"]), rows, [*room_params, stop])
            )
        branches, params = [], []
        for part in members:
            rows_sql, rows_params = _sql(part.matches, using)
            branches.append(f"SELECT 1 FROM ({rows_sql}) AS part")  # noqa: S608
            params += rows_params
        sql = f"SELECT COUNT(*) FROM ({' UNION ALL '.join(branches)} LIMIT %s) AS counted"  # noqa: S608
        params.append(MAX_COUNTED + 1)
        if whens:
            cases = " ".join(f"WHEN {test} THEN {value}" for test, value, _ in whens)
            sql = f"SELECT CASE {cases} ELSE ({sql}) END"
            params = [*(p for _, _, when_params in whens for p in when_params), *params]
        ctes.append((f"counted{tier:d}(n) AS ({sql})", params))
        counted.append(f"(SELECT n FROM counted{tier:d})")  # noqa: S608
    return ctes, ["few"] * bool(whole) + better, " + ".join(total + counted) or "0"


def _with(ctes) -> tuple[str, list]:
    return "WITH " + ", ".join(sql for sql, _ in ctes), [p for _, params in ctes for p in params]


def _ranked_sql(parts: list[Part], window: slice, using: str) -> tuple[str, list]:
    """The page's rows of the ranked list, each with the number of matches (_ctes)."""
    start, stop = window.start or 0, window.stop
    ctes, names, total = _ctes(parts, stop, using)
    head, params = _with(ctes)
    ranked = " UNION ALL ".join(f"SELECT * FROM {name}" for name in names)  # noqa: S608
    sql = (
        f"{head} SELECT code, pk, tier, day, {total} FROM ({ranked}) AS hits "  # noqa: S608
        "ORDER BY tier DESC, day DESC NULLS LAST, code, pk DESC LIMIT %s OFFSET %s"
    )
    return sql, [*params, stop - start, start]


def _counted_sql(parts: list[Part], using: str) -> tuple[str, list]:
    ctes, _, total = _ctes(parts, None, using)
    head, params = _with(ctes)
    return f"{head} SELECT {total}", params


class Hits:
    """Every match, best first, for Django's paginator, in one query: the page's rows with the
    number of matches beside them. The paginator sees at most MAX_COUNTED (`more` says
    whether there are more). Only a page past the end (then a 404) needs a second query, to
    count."""

    def __init__(self, parts: list[Part], window: slice, using=None):
        self.parts, self.window = parts, window
        self.using = using or DEFAULT_DB_ALIAS
        self.rows: list | None = None
        self.found: int | None = None  # matches, up to MAX_COUNTED + 1

    def _fetch(self) -> None:
        self.rows, self.found = [], 0
        if not self.parts:
            return
        if (self.window.start or 0) >= MAX_COUNTED:  # past the pages: count, then a 404
            self.found = None
            return
        sql, params = _ranked_sql(self.parts, self.window, self.using)
        with connections[self.using].cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        self.rows = [row[:4] for row in found]
        self.found = found[0][4] if found else None

    def _found(self) -> int:
        if self.rows is None:
            self._fetch()
        if self.found is None:  # a page past the last: count them to say so
            sql, params = _counted_sql(self.parts, self.using)
            with connections[self.using].cursor() as cursor:
                cursor.execute(sql, params)
                self.found = cursor.fetchone()[0]
        return self.found

    def count(self) -> int:
        return min(self._found(), MAX_COUNTED)

    @property
    def more(self) -> bool:
        """More matches than counted: "more than 1,000 results"."""
        return self._found() > MAX_COUNTED

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


def _tiers(backend, kind: Kind, query: Query) -> list[tuple[int, Q]]:
    """[(tier, the rows of that tier and no better one)], 0 (the rest) last. The backend's
    conditions are in order, best first; a row belongs to the first one it meets."""
    found, better = [], Q()
    for tier, conditions in groupby(backend.tiers(kind, query), lambda pair: pair[0]):
        meets = Q()
        for _, condition in conditions:
            meets |= condition
        found.append((tier, meets & ~better if better else meets))
        better |= meets
    found.append((0, ~better))
    return found


def _parts(backend, kind: Kind, rows: QuerySet, query: Query) -> list[Part]:
    """A small kind's matches as one part, tiered by CASE; a large kind's as one part a tier,
    each read newest first by the publishing index, so a common word reads what the page
    shows, not all its matches (`Kind.large`)."""
    day = F("publish_at") if kind.dated else Cast(Value(None), DateTimeField())
    newest = [F("publish_at").desc(), F("pk").desc()] if kind.dated else [F("pk").desc()]
    code = Value(kind.code, output_field=IntegerField())
    if not kind.large:
        whens = [
            When(condition, then=Value(tier)) for tier, condition in backend.tiers(kind, query)
        ]
        tier = Case(*whens, default=Value(0), output_field=IntegerField())
        matched = backend.match(rows, kind, query).annotate(code=code, tier=tier, day=day)
        return [Part(matched.values_list("code", "pk", "tier", "day"))]
    parts = []
    for tier, condition in _tiers(backend, kind, query):
        tiered = rows.filter(condition)
        # A better tier's condition finds the included words in the title and lead (or the
        # name) without the body's vector: the match only leaves out the excluded words.
        # Tier 0 tests its condition first, the small vector before the large one.
        if tier == 0 or query.excluded:
            tiered = backend.match(tiered, kind, query)
        tiered = tiered.annotate(code=code, tier=Value(tier, output_field=IntegerField()), day=day)
        ranked = tiered.order_by(*newest).values_list("code", "pk", "tier", "day")
        parts.append(Part(ranked, tier, tiered.values("pk")))
    return parts


def hits(query: Query, filters: Filters, now: datetime, *, page: int = 1) -> Hits:
    """(code, pk, tier, day) of every match of each kind the filters allow; `page` is the
    page that will be asked for (its rows come with the count)."""
    backend = index.backend()
    parts = []
    for kind in (filters.kind,) if filters.kind else KINDS:
        rows = kind.filtered(
            kind.public(now),
            department=filters.department,
            country=filters.country,
            year=filters.year,
        )
        if rows is None:
            continue
        parts += _parts(backend, kind, rows.order_by(), query)
    start = (page - 1) * PER_PAGE
    return Hits(parts, slice(start, start + PER_PAGE))


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
        # Not the vectors: the largest columns, and nothing on the page reads them.
        rows_shown = (
            BY_CODE[code].public(now).filter(pk__in=pks).defer("search_vector", "search_lead")
        )
        for item in rows_shown:
            found[code, item.pk] = item
    terms = query.highlight_terms
    shown = []
    for code, pk, *_ in rows:
        item = found.get((code, pk))
        if item is None:  # went out of view between the two queries
            continue
        kind = BY_CODE[code]
        title = str(item)  # each kind's own name: a partner with its acronym
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
