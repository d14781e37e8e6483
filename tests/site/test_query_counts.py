"""Every page type runs the same number of SQL queries with 5 and with 50 items, and no more
than its budget (12, the home page 15), plus the two that read the main menu and the footer
on every HTML page.

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

from mi_site.pages.models import Page, SiteFooter
from mi_site.search import signals as search_signals
from mi_site.sitemaps import SITEMAPS
from people.models import Person
from tests.factories import (
    ArticleFactory,
    ArticlePartnerFactory,
    DepartmentFactory,
    DocumentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
    ThemeFactory,
)
from tests.factories.images import library_image
from tests.factories.pages import MenuItemFactory, PageFactory, SocialLinkFactory
from tests.site.content import gms_country

BUDGET = 12
# The sitemap index asks each section for its newest change and its size: the standalone
# pages' section adds two.
BUDGETS = {"home": 15, "sitemap index": 12 + 2}
NAVIGATION = 2  # the main menu and the footer (mi_site/pages/navigation.py), HTML pages only
TAG = "labour migration"
FILTERS = ["department", "theme", "program", "country", "tag", "partner", "year"]
FEED_KINDS = ["department", "theme", "program", "country", "tag", "partner"]
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
    "page",
    "page under another",
    "partner list",
    "partner",
    "search",
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
    partner: object


def make_hub() -> Hub:
    department = DepartmentFactory(name="Sustainable Energy and Environment")
    program = ProgramFactory(department=department)
    person = PersonFactory(department=department, photo=library_image("p.jpg"))
    article = ArticleFactory(
        department=department,
        hero_image=library_image("hero.jpg", size=(800, 450)),
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
        PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA"),
    )
    ProgramPartnerFactory(program=program, partner=hub.partner)
    link_article(hub, article)
    return hub


def link_article(hub, article):
    article.programs.add(hub.program)
    article.countries.add(hub.country)
    article.themes.add(hub.theme)
    article.people.add(hub.person)
    ArticlePartnerFactory(article=article, partner=hub.partner, role="funder")
    ArticlePartnerFactory(article=article, partner=hub.partner, role="co-organiser")


def grow(hub: Hub, count: int, start: int):
    """`count` more articles, people, programs, partners and documents, all tied to the hub
    objects."""
    now = timezone.now()
    for n in range(start, start + count):
        article = ArticleFactory(
            department=hub.department,
            publish_at=now - datetime.timedelta(hours=n + 1),
            hero_image=library_image(f"a{n}.jpg"),
            hero_alt="A photo",
            tags=[TAG, f"topic {n}"],
        )
        link_article(hub, article)
        person = PersonFactory(department=hub.department, leadership_rank=Person.Rank.STAFF,
                               photo=library_image(f"p{n}.jpg"))  # fmt: skip
        article.people.add(person)
        ProgramMembershipFactory(person=person, program=hub.program)
        program = ProgramFactory(department=hub.department)
        program.countries.add(hub.country)
        article.programs.add(program)
        ProgramMembershipFactory(person=hub.person, program=program)
        hub.program.documents.add(DocumentFactory())
        hub.article.documents.add(DocumentFactory())
        ProgramPartnerFactory(program=hub.program)
        ProgramPartnerFactory(program=program, partner=hub.partner)


def make_pages():
    """A page with a sub-page, and the menu and footer that every HTML page shows."""
    about = PageFactory(title="About MI", slug="about", hero_image=library_image("about.jpg"),
                        hero_alt="The MI building")  # fmt: skip
    PageFactory(title="Governance", slug="governance", parent=about)
    MenuItemFactory(label="About", page=about)
    SocialLinkFactory()


def grow_pages(count: int, start: int):
    """`count` more pages under /about/, each in the menu, and as many social links."""
    about = Page.objects.get(url_path="about")
    for n in range(start, start + count):
        child = PageFactory(title=f"Council meeting {n}", parent=about, sort_order=n)
        MenuItemFactory(label=f"Council {n}", page=child, sort_order=n)
        MenuItemFactory(label=f"Link {n}", url=f"/news/?page={n}", sort_order=n)
        SocialLinkFactory(footer=SiteFooter.objects.get(), url=f"https://example.org/{n}")


def page_urls(hub: Hub) -> dict[str, str]:
    news = reverse("news:article-list")
    filters = {
        "department": hub.department.slug,
        "theme": hub.theme.slug,
        "program": hub.program.slug,
        "country": hub.country.slug,
        "tag": "labour-migration",
        "partner": hub.partner.slug,
        "year": timezone.localtime(hub.article.publish_at).year,
    }
    slugs = {"department": hub.department.slug, "theme": hub.theme.slug}
    slugs |= {"program": hub.program.slug, "country": hub.country.slug, "tag": "labour-migration"}
    slugs["partner"] = hub.partner.slug
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
        "partner list": reverse("site:partner-list"),
        "partner": hub.partner.get_absolute_url(),
        "page": "/about/",
        "page under another": "/about/governance/",
        # News only: which kinds fill page 1 depends on the content, and each kind shown
        # costs one query (at most five; tests/search/test_page.py holds a mixed page).
        "search": f"{reverse('site:search')}?q=energy&type=article",
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
        make_pages()
        grow_pages(5 - 1, start=0)
        search_signals.flush()  # saves index after their commit; this is one transaction
        urls = page_urls(hub)
        client = Client()
        for url in urls.values():
            client.get(url)  # warm what Django caches for the life of the process
        small = measure(client, urls)
        grow(hub, 45, start=5)
        grow_pages(45, start=5)
        search_signals.flush()
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
    if not page.startswith(("feed", "sitemap")):
        budget += NAVIGATION
    assert len(large.queries) <= budget, f"{page}:\n" + describe(large.queries)
