"""Build the bench site: tags, programs, people, then articles, in one transaction, then
VACUUM ANALYZE."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from mi_site.core.progress import NoProgress
from mi_site.search import index as search_index
from news.models import Article
from people.models import Person
from programs.models import Program

from .articles import add_articles
from .people import add_people
from .programs import add_programs
from .stock import Stock
from .tags import add_tags

SEED = 2025  # the same seed builds the same site, so runs on two machines compare


@dataclass(frozen=True)
class BenchSize:
    """How many rows the site holds when the build is done; rows already there count."""

    articles: int = 10_000
    people: int = 500
    programs: int = 200


def build_bench_site(
    size: BenchSize = BenchSize(),
    *,
    seed: int = SEED,
    now: datetime | None = None,
    progress: NoProgress | None = None,
) -> dict[str, int]:
    """Clone the content already in the database (the demo) until it reaches `size`.

    A second call with the same size adds nothing. Raises LookupError when there is nothing
    to clone. Returns the totals that `totals()` reports.
    """
    with transaction.atomic():
        stock = Stock.load(seed=seed, now=now or timezone.now(), progress=progress)
        add_tags(stock)
        add_programs(stock, size.programs - Program.objects.count())
        add_people(stock, size.people - Person.objects.count())
        add_articles(stock, size.articles - Article.objects.count())
        # Bulk inserts send no signals: index the new rows here, or search finds none of them.
        search_index.catch_up(limit=None, progress=stock.progress)
    analyze()
    return totals()


def analyze() -> bool:
    """Refresh the planner's statistics after a bulk load, and vacuum, as autovacuum would in
    production (it may be off on a bench machine). PostgreSQL only; says whether it ran.

    The vacuum matters as much as the statistics: backdating rewrites every row once, and
    until a vacuum marks the pages all-visible, no index-only scan can skip the table. The
    news list's count and deep pages read the whole table instead (3 to 5 times slower at
    10,000 articles), which a production database, vacuumed by autovacuum, never does.
    Inside a transaction (a test), where VACUUM cannot run, only ANALYZE.
    """
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return True


def totals() -> dict[str, int]:
    article_type = ContentType.objects.get_for_model(Article)
    tagged = TaggedItem.objects.filter(content_type=article_type)
    return {
        "articles": Article.objects.count(),
        "live articles": Article.objects.live().count(),
        "tagged articles": tagged.values("object_id").distinct().count(),
        "people": Person.objects.count(),
        "programs": Program.objects.count(),
        "tags": Tag.objects.count(),
    }
