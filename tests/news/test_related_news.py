"""Related news: ranked by shared programs, then department, then shared tags and countries,
newest first among equals; never the article itself, never anything that is not live; one
query however many articles exist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mi_site.core.publishing import Status
from news import related
from news.models import Article
from programs.models import Country
from tests.factories import ArticleFactory, DepartmentFactory, ProgramFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def days_ago(n: int):
    return timezone.now() - n * DAY


@pytest.fixture
def world():
    home, other = DepartmentFactory(name="Home department"), DepartmentFactory(name="Elsewhere")
    p1, p2 = ProgramFactory(title="Program one"), ProgramFactory(title="Program two")
    kh, la, th = (Country.objects.get(iso_code=code) for code in ("KH", "LA", "TH"))
    article = ArticleFactory(title="The article", department=home, tags=["migration", "skills"])
    article.programs.add(p1, p2)
    article.countries.add(kh, la)
    return {"home": home, "other": other, "p1": p1, "p2": p2, "kh": kh, "la": la, "th": th,
            "article": article}  # fmt: skip


def make(title, *, department, days, programs=(), countries=(), tags=(), **fields):
    article = ArticleFactory(
        title=title, department=department, publish_at=days_ago(days), tags=list(tags), **fields
    )
    article.programs.add(*programs)
    article.countries.add(*countries)
    return article


def related_titles(article) -> list[str]:
    return [related.title for related in Article.objects.related_to(article)]


def test_ranking_programs_then_department_then_tags_and_countries_then_newest(world):
    w = world
    make("Shares both programs, old", department=w["other"], days=300, programs=[w["p1"], w["p2"]])
    make("Shares one program", department=w["other"], days=200, programs=[w["p1"]])
    make("Same department and a tag", department=w["home"], days=100, tags=["skills"])
    make("Same department only, newest", department=w["home"], days=2)
    make("Two tags and a country", department=w["other"], days=50, tags=["migration", "skills"],
         countries=[w["kh"]])  # fmt: skip
    make("One country, newer", department=w["other"], days=10, countries=[w["la"]])
    make("One country, older", department=w["other"], days=20, countries=[w["kh"]])
    make("Nothing in common", department=w["other"], days=1, countries=[w["th"]], tags=["trade"])
    assert related_titles(w["article"]) == [
        "Shares both programs, old",
        "Shares one program",
        "Same department and a tag",
        "Same department only, newest",
        "Two tags and a country",
        "One country, newer",
        "One country, older",
    ]


def test_never_the_article_itself_nor_anything_not_live(world):
    w = world
    now = timezone.now()
    hidden_states = [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.ARCHIVED},
        {"publish_at": now + DAY},
        {"publish_at": now - 5 * DAY, "expire_at": now - DAY},
    ]
    for n, fields in enumerate(hidden_states):
        hidden = ArticleFactory(title=f"Hidden {n}", department=w["home"], **fields)
        hidden.programs.add(w["p1"])
    assert related_titles(w["article"]) == []


def test_a_program_that_is_not_live_does_not_make_articles_related(world):
    w = world
    secret = ProgramFactory(title="Secret program", status=Status.DRAFT)
    w["article"].programs.add(secret)
    make("Shares only the secret program", department=w["other"], days=1, programs=[secret])
    assert related_titles(w["article"]) == []


def test_article_page_shows_related_news_in_a_fixed_number_of_queries(client, world):
    w = world

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(w["article"].get_absolute_url())
        assert response.status_code == 200
        return len(queries)

    make("First related", department=w["home"], days=3, programs=[w["p1"], w["p2"]])
    client.get(w["article"].get_absolute_url())  # warm caches (content types)
    few = count_queries()
    for n in range(30):
        make(f"More related {n}", department=w["home"], days=4 + n, programs=[w["p2"]],
             countries=[w["kh"]], tags=["skills"])  # fmt: skip
    many = count_queries()
    assert few == many
    assert many <= 12 + 2  # and the main menu and footer every HTML page reads
    response = client.get(w["article"].get_absolute_url())
    assert [a.title for a in response.context["related"]] == [
        "First related",
        "More related 0",
        "More related 1",
    ]


def test_only_the_newest_few_per_thing_shared_are_ranked(world, monkeypatch):
    """The ranking is bounded: per program, tag, country and department, only the newest
    `CANDIDATES` live articles compete, so an old article is still found through anything it
    shares, but an old one sharing only the busy department is left out."""
    monkeypatch.setattr(related, "CANDIDATES", 2)
    w = world
    for n in range(4):
        make(f"Same department {n}", department=w["home"], days=10 + n)
    make("Old, same department and a country", department=w["home"], days=400,
         countries=[w["la"]])  # fmt: skip
    assert related_titles(w["article"]) == [
        "Old, same department and a country",
        "Same department 0",
        "Same department 1",
    ]
