"""Related news: what an article page offers next.

Other live articles ranked by what they share with the article: live programs first, then
the department, then tags and countries together; newest first among equals. Articles that
share nothing are left out.

Ranking every live article would scan the archive on every article page, so only a bounded
set of candidates is ranked: the newest `CANDIDATES` live articles that share a live
program, as many that share a tag, a country, and the department. The order is exact
whenever the best matches are among them, which they are unless one of the article's
programs, tags, countries or its department has more articles than that; then the newer of
the close matches win.

The ranking is one SQL statement written out here rather than built with the ORM: the ORM
took longer to build and compile it (about 8 ms) than the database took to run it. Which
articles are live is still decided by `live()` alone: its WHERE clause is compiled from the
queryset and pasted in, never restated.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections

from mi_site.core.publishing import compiled_where

CANDIDATES = 30  # per thing shared


@dataclass(frozen=True)
class Link:
    """A link table between articles and one kind of thing they share."""

    table: str
    article: str  # column holding the article's pk
    target: str  # column holding the program's, tag's or country's pk
    extra: str = ""  # a further condition (the content type, in taggit's generic table)
    extra_params: tuple = ()


def related_to(articles, article, *, limit: int | None = None) -> list:
    """The live articles among `articles` related to `article`, best first: a list."""
    ranked = Ranking(articles, article).pks(limit)
    found = articles.live().filter(pk__in=ranked).for_cards().in_bulk()
    return [found[pk] for pk in ranked if pk in found]


class Ranking:
    """The SQL that ranks the candidates related to one article. Names are quoted from the
    model's metadata and every value is a parameter."""

    def __init__(self, articles, article):
        model = articles.model
        self.articles, self.article = articles, article
        self.connection = connections[articles.db]
        self.table = self.quote(model._meta.db_table)
        self.pk = self.column(model._meta.pk.name)
        self.department = self.column("department")
        self.publish_at = self.column("publish_at")
        relations = ("programs", "tags", "countries")
        self.links = {relation: link_table(model, relation) for relation in relations}
        self.own = {relation: own_pks(article, relation) for relation in relations}

    def quote(self, name: str) -> str:
        return self.connection.ops.quote_name(name)

    def column(self, field: str) -> str:
        return f"{self.table}.{self.quote(self.articles.model._meta.get_field(field).column)}"

    def shared(self, relation: str) -> tuple[str, list]:
        """A condition: link rows from the outer article to what `self.article` has."""
        link, own = self.links[relation], self.own[relation]
        table = self.quote(link.table)
        sql = (
            f"{table}.{self.quote(link.article)} = {self.pk} AND "
            f"{table}.{self.quote(link.target)} IN ({', '.join(['%s'] * len(own))})"
        )
        if link.extra:
            sql += f" AND {table}.{link.extra}"
        return f"FROM {table} WHERE {sql}", [*own, *link.extra_params]

    def candidates(self) -> tuple[str, list]:
        """The newest few live articles per thing shared, as one UNION of pks."""
        live, live_params = compiled_where(self.articles.live().exclude(pk=self.article.pk))
        conditions = []
        for relation, own in self.own.items():
            if own:
                shared, params = self.shared(relation)
                conditions.append((f"EXISTS (SELECT 1 {shared})", params))
        if self.article.department_id:
            conditions.append((f"{self.department} = %s", [self.article.department_id]))
        newest = f"ORDER BY {self.publish_at} DESC, {self.pk} DESC LIMIT {CANDIDATES}"
        parts = [
            f"SELECT id FROM (SELECT {self.pk} AS id FROM {self.table} "  # noqa: S608
            f"WHERE {live} AND {condition} {newest}) AS candidates_{n}"
            for n, (condition, _) in enumerate(conditions)
        ]
        params = [
            p for _, condition_params in conditions for p in (*live_params, *condition_params)
        ]
        return " UNION ".join(parts), params

    def order(self) -> list[tuple[str, list]]:
        """The ranking, best first, as (SQL, params) terms. A kind the article lacks would
        score 0 for every candidate, so it is left out (a literal 0 reads as a column
        number)."""
        terms = []
        if self.own["programs"]:
            terms.append(self.count("programs"))
        if self.article.department_id:
            same = f"CASE WHEN {self.department} = %s THEN 1 ELSE 0 END"
            terms.append((same, [self.article.department_id]))
        counts = [self.count(r) for r in ("tags", "countries") if self.own[r]]
        if counts:
            terms.append(
                (" + ".join(sql for sql, _ in counts), [p for _, ps in counts for p in ps])
            )
        return terms

    def count(self, relation: str) -> tuple[str, list]:
        shared, params = self.shared(relation)
        return f"(SELECT COUNT(*) {shared})", params

    def pks(self, limit: int | None) -> list[int]:
        candidates, params = self.candidates()
        if not candidates:
            return []
        order = self.order()
        sql = (
            f"SELECT {self.pk} FROM {self.table} WHERE {self.pk} IN ({candidates}) "  # noqa: S608
            f"ORDER BY {''.join(f'{term} DESC, ' for term, _ in order)}"
            f"{self.publish_at} DESC, {self.pk} DESC"
        )
        params += [p for _, term_params in order for p in term_params]
        if limit is not None:
            sql += " LIMIT %s"
            params.append(limit)
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


def link_table(model, relation: str) -> Link:
    field = model._meta.get_field(relation)
    through = field.remote_field.through
    if relation == "tags":
        content_type = ContentType.objects.get_for_model(model)
        return Link(
            through._meta.db_table,
            through._meta.get_field("object_id").column,
            through._meta.get_field("tag").column,
            extra="content_type_id = %s",
            extra_params=(content_type.pk,),
        )
    return Link(
        through._meta.db_table,
        through._meta.get_field(field.m2m_field_name()).column,
        through._meta.get_field(field.m2m_reverse_field_name()).column,
    )


def own_pks(article, relation: str) -> list[int]:
    """The pks of `article`'s programs (live ones only: a draft program must not make two
    articles related), tags or countries; read from the prefetch cache when there is one."""
    prefetched = getattr(article, "_prefetched_objects_cache", {})
    if relation == "programs" and relation not in prefetched:
        return list(article.programs.live().values_list("pk", flat=True))
    return sorted(item.pk for item in getattr(article, relation).all())
