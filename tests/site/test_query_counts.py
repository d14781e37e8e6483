"""Every page type runs the same number of SQL queries with 5 and with 50 items, and no more
than its budget (12, the home page 15).

A count that grows with the content is an N+1 query (a missing select_related or
prefetch_related); it is cheap on a developer's laptop and slow on a site with ten years of
news. The site is built once at 5 items and grown to 50; each page is counted at both sizes.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mi_site.sitemaps import SITEMAPS
from people.models import Person
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
    ThemeFactory,
)
from tests.factories.images import image_file
from tests.site.content import gms_country

BUDGET = 12
BUDGETS = {"home": 15}
TAG = "labour migration"
FILTERS = ["department", "theme", "program", "country", "tag", "year"]
FEED_KINDS = ["department", "theme", "program", "country", "tag"]
PAGES = [
    "home",
    "news list",
    *(f"news list by {name}" for name in FILTERS),
    "article",
    "people list",
    "person",
    "program list",
    "program",
    "department",
    "country",
    "theme",
    "tag",
    *(f"feed news {fmt}" for fmt in ("rss", "atom")),
    *(f"feed {kind} {fmt}" for kind in FEED_KINDS for fmt in ("rss", "atom")),
    "sitemap index",
    *(f"sitemap {section}" for section in SITEMAPS),
]


@dataclass
class Hub:
    """The objects whose pages are counted; the grown content all points at them."""

    department: object
    theme: object
    country: object
    program: object
    person: object
    article: object


def make_hub() -> Hub:
    department = DepartmentFactory(name="Sustainable Energy and Environment")
    program = ProgramFactory(department=department)
    person = PersonFactory(department=department, photo=image_file("p.jpg"))
    article = ArticleFactory(
        department=department,
        hero_image=image_file("hero.jpg", size=(800, 450)),
        hero_alt="A workshop",
        featured=True,
        tags=[TAG],
    )
    hub = Hub(
        department,
        ThemeFactory(),
        gms_country("TH"),
        program,
        person,
        article,
    )
    link_article(hub, article)
    return hub


def link_article(hub, article):
    article.programs.add(hub.program)
    article.countries.add(hub.country)
    article.themes.add(hub.theme)
    article.people.add(hub.person)


def grow(hub: Hub, count: int, start: int):
    """`count` more articles, people, programs and partners, all tied to the hub objects."""
    now = timezone.now()
    for n in range(start, start + count):
        article = ArticleFactory(
            department=hub.department,
            publish_at=now - datetime.timedelta(hours=n + 1),
            hero_image=image_file(f"a{n}.jpg"),
            hero_alt="A photo",
            tags=[TAG, f"topic {n}"],
        )
        link_article(hub, article)
        person = PersonFactory(department=hub.department, leadership_rank=Person.Rank.STAFF)
        article.people.add(person)
        ProgramMembershipFactory(person=person, program=hub.program)
        program = ProgramFactory(department=hub.department)
        program.countries.add(hub.country)
        article.programs.add(program)
        ProgramMembershipFactory(person=hub.person, program=program)
        ProgramPartnerFactory(program=hub.program)


def page_urls(hub: Hub) -> dict[str, str]:
    news = reverse("news:article-list")
    filters = {
        "department": hub.department.slug,
        "theme": hub.theme.slug,
        "program": hub.program.slug,
        "country": hub.country.slug,
        "tag": "labour-migration",
        "year": timezone.localtime(hub.article.publish_at).year,
    }
    slugs = {"department": hub.department.slug, "theme": hub.theme.slug}
    slugs |= {"program": hub.program.slug, "country": hub.country.slug, "tag": "labour-migration"}
    urls = {
        "home": reverse("site:home"),
        "news list": news,
        **{f"news list by {name}": f"{news}?{name}={value}" for name, value in filters.items()},
        "article": hub.article.get_absolute_url(),
        "people list": reverse("people:person-list"),
        "person": hub.person.get_absolute_url(),
        "program list": reverse("programs:program-list"),
        "program": hub.program.get_absolute_url(),
        "department": hub.department.get_absolute_url(),
        "country": hub.country.get_absolute_url(),
        "theme": hub.theme.get_absolute_url(),
        "tag": reverse("site:tag-detail", kwargs={"slug": "labour-migration"}),
        "sitemap index": reverse("sitemap-index"),
    }
    for fmt in ("rss", "atom"):
        urls[f"feed news {fmt}"] = reverse(f"feeds:news-{fmt}")
        for kind, slug in slugs.items():
            urls[f"feed {kind} {fmt}"] = reverse(f"feeds:{kind}-{fmt}", kwargs={"slug": slug})
    for section in SITEMAPS:
        urls[f"sitemap {section}"] = reverse("sitemap", kwargs={"section": section})
    return urls


@dataclass
class Count:
    status: int
    queries: list[str]


def measure(client, urls) -> dict[str, Count]:
    counts = {}
    for name, url in urls.items():
        cache.clear()  # a cached page would hide its queries
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts[name] = Count(response.status_code, [q["sql"] for q in captured.captured_queries])
    return counts


# The tests only read what the module fixture measured; the marker keeps them with the other
# database tests, before any transactional test flushes the migrations' data.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def counts(module_db):
    with module_db():
        hub = make_hub()
        grow(hub, 5 - 1, start=0)  # the hub article makes five
        urls = page_urls(hub)
        client = Client()
        for url in urls.values():
            client.get(url)  # warm what Django caches for the life of the process
        small = measure(client, urls)
        grow(hub, 45, start=5)
        large = measure(client, urls)
    return small, large


def describe(queries):
    return "\n".join(f"{n}. {sql[:300]}" for n, sql in enumerate(queries, 1))


def test_every_page_type_is_counted(counts):
    assert set(counts[0]) == set(PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_same_number_of_queries_with_5_and_50_items(counts, page):
    small, large = counts[0][page], counts[1][page]
    assert (small.status, large.status) == (200, 200)
    assert len(large.queries) == len(small.queries), (
        f"{page}: {len(small.queries)} queries with 5 items, {len(large.queries)} with 50:\n"
        + describe(large.queries)
    )


@pytest.mark.parametrize("page", PAGES)
def test_queries_stay_within_budget(counts, page):
    large = counts[1][page]
    assert large.status == 200
    budget = BUDGETS.get(page, BUDGET)
    assert len(large.queries) <= budget, f"{page}:\n" + describe(large.queries)
