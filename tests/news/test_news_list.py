"""The news list: filters through a form bound to the query string, pagination, and 404s for
anything a reader could mistype or an old link could carry."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mi_site.core.publishing import Status
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    DepartmentFactory,
    ProgramFactory,
    ThemeFactory,
)
from tests.pages.html import read

pytestmark = pytest.mark.django_db
NEWS = reverse("news:article-list")
DAY = datetime.timedelta(days=1)


def titles(response) -> list[str]:
    return [article.title for article in response.context["object_list"]]


@pytest.fixture
def newsroom():
    """Two departments, a theme, a program and a country, each on exactly one article."""
    energy = DepartmentFactory(name="Sustainable Energy and Environment")
    trade = DepartmentFactory(name="Trade and Investment Facilitation")
    theme = ThemeFactory(name="Digital Economy")
    program = ProgramFactory(title="Labour Migration Program")
    country = CountryFactory(name="Atlantis", iso_code="XT")
    now = timezone.now()
    solar = ArticleFactory(title="Solar dialogue", department=energy, publish_at=now - DAY)
    solar.themes.add(theme)
    solar.countries.add(country)
    customs = ArticleFactory(title="Customs week", department=trade, publish_at=now - 2 * DAY)
    customs.programs.add(program)
    old = ArticleFactory(
        title="Old energy study",
        department=energy,
        publish_at=datetime.datetime(2019, 5, 1, tzinfo=datetime.UTC),
        tags=["climate"],
    )
    return {"energy": energy, "theme": theme, "program": program, "country": country, "old": old}


def test_without_filters_every_live_article_is_listed_newest_first(client, newsroom):
    ArticleFactory(title="Draft story", status=Status.DRAFT)
    response = client.get(NEWS)
    assert response.status_code == 200
    assert titles(response) == ["Solar dialogue", "Customs week", "Old energy study"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("department", ["Solar dialogue", "Old energy study"]),
        ("theme", ["Solar dialogue"]),
        ("program", ["Customs week"]),
        ("country", ["Solar dialogue"]),
    ],
)
def test_each_filter_narrows_the_list(client, newsroom, name, expected):
    obj = newsroom["energy" if name == "department" else name]
    response = client.get(NEWS, {name: obj.slug})
    assert response.status_code == 200
    assert titles(response) == expected


def test_year_and_tag_filters(client, newsroom):
    assert titles(client.get(NEWS, {"year": "2019"})) == ["Old energy study"]
    assert titles(client.get(NEWS, {"tag": "climate"})) == ["Old energy study"]


def test_filters_combine(client, newsroom):
    response = client.get(NEWS, {"department": newsroom["energy"].slug, "year": "2019"})
    assert titles(response) == ["Old energy study"]
    page = read(response)
    assert page.h1() == ["News"]
    assert "Old energy study" in response.content.decode()
    # A filtered list is a view of the hub pages: kept out of search indexes, canonical to
    # itself with only the filters that select it.
    assert page.meta["robots"] == "noindex, follow"
    assert page.link("canonical") == [
        f"http://testserver{NEWS}?department={newsroom['energy'].slug}&year=2019"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"department": "no-such-department"},
        {"theme": "no-such-theme"},
        {"program": "no-such-program"},
        {"country": "no-such-country"},
        {"tag": "no-such-tag"},
        {"year": "1999"},
        {"year": "abc"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
    ],
)
def test_unknown_filter_values_and_bad_pages_are_404(client, newsroom, query):
    assert client.get(NEWS, query).status_code == 404


def test_non_live_programs_and_tags_are_neither_offered_nor_accepted(client, newsroom):
    draft_program = ProgramFactory(title="Secret program", status=Status.DRAFT)
    ArticleFactory(status=Status.DRAFT, tags=["secret-tag"]).programs.add(draft_program)
    response = client.get(NEWS)
    offered = dict(response.context["form"].fields["program"].choices)
    assert newsroom["program"].slug in offered
    assert draft_program.slug not in offered
    assert "Secret program" not in response.content.decode()
    assert client.get(NEWS, {"program": draft_program.slug}).status_code == 404
    assert client.get(NEWS, {"tag": "secret-tag"}).status_code == 404


def test_years_offered_are_those_of_live_articles_newest_first(client, newsroom):
    ArticleFactory(publish_at=datetime.datetime(2021, 6, 1, tzinfo=datetime.UTC))
    ArticleFactory(
        status=Status.DRAFT, publish_at=datetime.datetime(2015, 6, 1, tzinfo=datetime.UTC)
    )
    scheduled = timezone.now() + 800 * DAY
    ArticleFactory(publish_at=scheduled)
    years = [value for value, _ in client.get(NEWS).context["form"].fields["year"].choices]
    this_year = str(timezone.localtime(newsroom["old"].publish_at).year)
    assert years[0] == ""
    assert years[-2:] == ["2021", this_year]
    assert years == ["", *sorted(set(years[1:]), reverse=True)]
    assert "2015" not in years
    assert str(scheduled.year) not in years


def test_every_filter_has_a_label(client, newsroom):
    page = client.get(NEWS).content.decode()
    for name in ("department", "theme", "program", "country", "year"):
        assert f'<label for="id_{name}">' in page


def test_page_links_keep_the_filters_and_the_page_list_is_short(client):
    department = DepartmentFactory()
    start = timezone.now() - DAY
    for n in range(12 * 20):
        ArticleFactory(department=department, publish_at=start - n * datetime.timedelta(hours=1))
    response = client.get(NEWS, {"department": department.slug, "page": "10"})
    assert response.status_code == 200
    page_links = [href for href in read(response).hrefs() if "page=" in href]
    assert page_links
    assert all(f"department={department.slug}" in href for href in page_links)
    numbers = [n for n in response.context["page_range"] if isinstance(n, int)]
    # 1 … 9 10 11 … 20, not twenty links
    assert numbers == [1, 9, 10, 11, 20]
    assert f"?department={department.slug}&amp;page=11" in response.content.decode()
    title = read(response).meta["og:title"]
    assert "page 10 of 20" in title


def test_removing_a_filter_keeps_the_others_and_goes_back_to_page_one(client, newsroom):
    query = {"department": newsroom["energy"].slug, "year": "2019", "page": "1"}
    response = client.get(NEWS, query)
    removals = dict(response.context["removals"])
    assert removals["2019"] == f"{NEWS}?department={newsroom['energy'].slug}"
    assert removals[newsroom["energy"].name] == f"{NEWS}?year=2019"
