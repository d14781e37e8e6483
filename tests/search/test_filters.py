"""Filters by type, department, country and year narrow the results; a value not on offer
is a 404, as on the news list."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, DepartmentFactory, PersonFactory, ProgramFactory
from tests.site.content import gms_country


def test_filter_by_type(search):
    ArticleFactory(title="Mekong water news")
    PersonFactory(display_name="Water Person")
    ProgramFactory(title="Water program")
    assert search("water", kind="article") == ["Mekong water news"]
    assert search("water", kind="person") == ["Water Person"]
    assert search("water", kind="program") == ["Water program"]
    assert len(search("water")) == 3


def test_filter_by_department(search):
    see, tif = DepartmentFactory(slug="see"), DepartmentFactory(slug="tif")
    ArticleFactory(title="Solar news", department=see)
    ArticleFactory(title="Solar trade", department=tif)
    PersonFactory(display_name="Solar Expert", department=see)
    assert search("solar", department="see") == ["Solar Expert", "Solar news"]


def test_filter_by_country(search):
    laos = gms_country("LA")
    article = ArticleFactory(title="Forest news in Laos")
    article.countries.add(laos)
    ArticleFactory(title="Forest news elsewhere")
    ProgramFactory(title="Forest program").countries.add(laos)
    assert search("forest", country=laos.slug) == ["Forest program", "Forest news in Laos"]


def test_filter_by_year(search):
    old = timezone.make_aware(datetime.datetime(2019, 5, 1))
    ArticleFactory(title="Harvest 2019", publish_at=old)
    ArticleFactory(title="Harvest now")
    ProgramFactory(title="Harvest program", start_date=datetime.date(2018, 1, 1),
                   end_date=datetime.date(2020, 12, 31))  # fmt: skip
    PersonFactory(display_name="Harvest Person")  # people have no year: left out
    assert search("harvest", year=2019) == ["Harvest program", "Harvest 2019"]


def test_an_unknown_filter_value_is_a_404(client, db):
    url = reverse("site:search")
    for query in ("department=nope", "type=spaceship", "year=1066", "country=atlantis"):
        assert client.get(f"{url}?q=rice&{query}").status_code == 404, query


def test_a_filter_change_of_department_name_follows(search):
    department = DepartmentFactory(name="Innovation and Technology")
    ArticleFactory(title="A story", department=department, body="<p>Nothing.</p>")
    assert search("innovation") == ["A story"]
    department.name = "Rural Affairs"
    department.save()
    assert search("rural") == ["A story"]
    assert search("innovation") == []
