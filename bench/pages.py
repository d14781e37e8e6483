"""The pages the bench loads, and the SQL queries each one runs.

Run inside the project with the bench's settings (`python -m bench.pages`): picks one page of
every type from the bench database (the busiest department, program, tag, ...), requests each
through Django's test client (warm, with the cache emptied first) and prints, as JSON, its
path, status, size and query count, with the database's version and the data set's size.
"""

import json
import math
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mi_site.settings")
django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils.http import urlencode  # noqa: E402
from taggit.models import Tag  # noqa: E402

from mi_site.benchdata.builder import totals  # noqa: E402
from news.models import Article  # noqa: E402
from news.views import ArticleListView  # noqa: E402
from people.models import Person  # noqa: E402
from programs.models import Country, Department, Partner, Program, Theme  # noqa: E402

DEEP_PAGE = 400


def busiest(queryset, articles: str = "articles"):
    """The row with the most live articles behind the reverse relation `articles`."""
    live = Q(**{f"{articles}__in": Article.objects.live().values("pk")})
    return queryset.annotate(n=Count(articles, filter=live)).order_by("-n", "pk").first()


def pick() -> dict:
    """One object of each kind a page shows, chosen as a busy page of that kind."""
    article = (
        Article.objects.live()
        .filter(tags__isnull=False, programs__isnull=False)
        .order_by("-publish_at", "-pk")
        .first()
    )
    return {
        "article": article,
        "person": busiest(Person.objects.live().current()),
        "program": busiest(Program.objects.live()),
        "department": busiest(Department.objects.all()),
        "country": busiest(Country.objects.all()),
        "theme": busiest(Theme.objects.all()),
        "tag": busiest(Tag.objects.all(), "article"),
        "partner": busiest(Partner.objects.all(), "article_roles__article"),
    }


def deep_page() -> int:
    pages = math.ceil(Article.objects.live().count() / ArticleListView.paginate_by)
    return max(1, min(DEEP_PAGE, pages))


def paths() -> list[tuple[str, str]]:
    """(page type, path) for every page type the bench measures, in the table's order."""
    o = pick()
    news = reverse("news:article-list")
    slug = {kind: obj.slug for kind, obj in o.items()}
    return [
        ("home", reverse("site:home")),
        ("news list", news),
        (f"news list, page {deep_page()}", f"{news}?page={deep_page()}"),
        ("news list, department", f"{news}?{urlencode({'department': slug['department']})}"),
        ("news list, tag", f"{news}?{urlencode({'tag': slug['tag']})}"),
        ("article", o["article"].get_absolute_url()),
        ("person", o["person"].get_absolute_url()),
        ("staff directory", reverse("people:person-list")),
        ("program list", reverse("programs:program-list")),
        ("program", o["program"].get_absolute_url()),
        ("department", o["department"].get_absolute_url()),
        ("country", o["country"].get_absolute_url()),
        ("theme", o["theme"].get_absolute_url()),
        ("tag", reverse("site:tag-detail", kwargs={"slug": slug["tag"]})),
        ("partner list", reverse("site:partner-list")),
        ("partner", o["partner"].get_absolute_url()),
        ("news list, partner", f"{news}?{urlencode({'partner': slug['partner']})}"),
        ("search", f"{reverse('site:search')}?{urlencode({'q': 'food safety'})}"),
        ("feed: news (RSS)", reverse("feeds:news-rss")),
        ("feed: tag (RSS)", reverse("feeds:tag-rss", kwargs={"slug": slug["tag"]})),
        ("sitemap index", reverse("sitemap-index")),
        ("sitemap: news", reverse("sitemap", kwargs={"section": "news"})),
        ("sitemap: tags", reverse("sitemap", kwargs={"section": "tags"})),
    ]


def measure(path: str, client: Client) -> dict:
    """One request, as a warm worker answers it without a cached copy of the page."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return {"status": response.status_code, "queries": len(queries), "bytes": len(response.content)}


def describe_data() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version" if connection.vendor == "postgresql" else "SELECT 1")
        version = cursor.fetchone()[0]
    return {"database": f"{connection.vendor} {version}", "data": totals()}


def main() -> None:
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    pages = [{"page": page, "path": path} for page, path in paths()]
    for page in pages:  # warm the process-wide caches (content types, templates) first
        client.get(page["path"])
    for page in pages:
        page.update(measure(page["path"], client))
    json.dump({"pages": pages, **describe_data()}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
