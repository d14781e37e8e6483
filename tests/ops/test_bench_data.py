"""The benchmark's data set (`manage.py build_bench_site`), built at a tiny size.

`make bench` measures the site at 10,000 articles; what it measures is only as good as the data:
clones linked the way editors link content, tags in the region's scripts, most news live and
some not, and exactly the size asked for. No test here times anything.
"""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from mi_site.benchdata import BenchSize, ProgressBar, build_bench_site
from mi_site.benchdata.builder import analyze
from mi_site.benchdata.stock import numbered
from mi_site.core.publishing import State, state_at
from mi_site.demo import images
from mi_site.demo.loader import load_demo_content
from news.models import Article
from people.models import Person, ProgramMembership
from programs.models import Program

pytestmark = pytest.mark.django_db

ONE_PER_SCRIPT = {
    "Thai": "ความปลอดภัยอาหาร",
    "Lao": "ຫຼວງພະບາງ",
    "Burmese": "မြန်မာ",
    "Khmer": "កសិកម្ម",
    "Chinese": "澜湄合作",
    "Vietnamese": "an toàn thực phẩm",
}


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setattr(images, "FULL", images.SMALL)
    load_demo_content()
    return {
        "articles": set(Article.objects.values_list("pk", flat=True)),
        "people": set(Person.objects.values_list("pk", flat=True)),
        "programs": set(Program.objects.values_list("pk", flat=True)),
    }


@pytest.fixture
def size(demo):
    return BenchSize(
        articles=len(demo["articles"]) + 200,
        people=len(demo["people"]) + 10,
        programs=len(demo["programs"]) + 5,
    )


@pytest.fixture
def built(demo, size):
    totals = build_bench_site(size)
    return {
        "totals": totals,
        "articles": Article.objects.exclude(pk__in=demo["articles"]),
        "people": Person.objects.exclude(pk__in=demo["people"]),
        "programs": Program.objects.exclude(pk__in=demo["programs"]),
    }


def test_the_site_holds_exactly_the_size_asked_for(size, built):
    assert Article.objects.count() == built["totals"]["articles"] == size.articles
    assert Person.objects.count() == built["totals"]["people"] == size.people
    assert Program.objects.count() == built["totals"]["programs"] == size.programs


def test_every_new_article_has_themes_and_countries_and_many_have_programs_and_people(built):
    articles = built["articles"]
    assert not articles.filter(themes__isnull=True).exists()
    assert not articles.filter(countries__isnull=True).exists()
    for relation in ("programs", "people", "department", "extra_departments"):
        linked = articles.filter(**{f"{relation}__isnull": False}).distinct().count()
        assert 0 < linked < articles.count(), relation
    new_programs = set(built["programs"].values_list("pk", flat=True))
    assert articles.filter(programs__in=new_programs).exists()


def test_about_a_quarter_of_articles_carry_tags_in_every_script_of_the_region(built):
    articles = built["articles"]
    tagged = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id__in=articles.values("pk"),
    )
    share = tagged.values("object_id").distinct().count() / articles.count()
    assert 0.15 < share < 0.35
    names = set(Tag.objects.values_list("name", flat=True))
    assert {script: name in names for script, name in ONE_PER_SCRIPT.items()} == dict.fromkeys(
        ONE_PER_SCRIPT, True
    )
    assert Tag.objects.count() >= 200
    assert not Tag.objects.filter(slug="").exists()


def test_most_news_is_live_over_ten_years_and_every_other_state_occurs(built):
    now = timezone.now()
    states = [state_at(article, now) for article in built["articles"]]
    assert states.count(State.LIVE) / len(states) > 0.85
    assert set(states) == set(State)
    live = built["articles"].live()
    oldest = min(live.values_list("publish_at", flat=True))
    assert (now - oldest).days > 5 * 365
    # Dated by when they appeared, like an editor's rows, not by when the bench inserted them.
    assert all(a.updated_at == a.publish_at for a in live)


def test_new_programs_have_a_team_partners_and_countries(built):
    for program in built["programs"].live():
        roles = set(program.memberships.values_list("role", flat=True))
        assert ProgramMembership.Role.LEAD in roles, program
        assert program.countries.exists(), program
        assert program.partner_roles.exists(), program


def test_a_second_build_of_the_same_size_adds_nothing(size, built):
    out = StringIO()
    call_command(
        "build_bench_site",
        f"--articles={size.articles}",
        f"--people={size.people}",
        f"--programs={size.programs}",
        stdout=out,
        stderr=StringIO(),
    )
    assert Article.objects.count() == size.articles
    assert Person.objects.count() == size.people
    assert f"{size.articles:,} articles" in out.getvalue()


def test_without_demo_content_the_command_says_to_load_it_first():
    with pytest.raises(CommandError, match="load_demo_content"):
        call_command("build_bench_site", "--articles=10", stdout=StringIO(), stderr=StringIO())


def test_planner_statistics_are_refreshed_on_postgresql_only():
    assert analyze() is (connection.vendor == "postgresql")


def test_numbered_slugs_fit_the_field():
    assert numbered("rice", 7) == "rice-7"
    long = numbered("a" * 199 + "-b", 12345)
    assert len(long) == 200
    assert long.endswith("-12345")


def test_the_progress_bar_writes_one_finished_line_per_phase_to_a_log():
    log = StringIO()  # not a terminal: no redrawing in place
    bar = ProgressBar(log)
    bar.start("articles", 1000)
    bar.advance(400)
    bar.advance(600)
    bar.finish()
    assert log.getvalue().count("\n") == 1
    assert "articles" in log.getvalue()
    assert "100%  1,000/1,000" in log.getvalue()
