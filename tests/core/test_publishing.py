"""The one visibility rule: `live()` in the database and `is_live` in Python always agree."""

import datetime

import pytest
from django.utils import timezone

from mi_site.core.publishing import State, Status, is_reachable_at, state_q
from news.models import Article
from people.models import Person
from programs.models import Program
from tests.factories import ArticleFactory, PersonFactory, ProgramFactory

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)

# (status, publish_at, expire_at) -> expected state
CASES = {
    "draft": (Status.DRAFT, NOW - HOUR, None, State.DRAFT),
    "draft-without-time": (Status.DRAFT, None, None, State.DRAFT),
    "review": (Status.REVIEW, NOW - HOUR, None, State.REVIEW),
    "scheduled": (Status.PUBLISHED, NOW + HOUR, None, State.SCHEDULED),
    "live": (Status.PUBLISHED, NOW - HOUR, None, State.LIVE),
    "live-until-later": (Status.PUBLISHED, NOW - HOUR, NOW + HOUR, State.LIVE),
    "expired": (Status.PUBLISHED, NOW - 2 * HOUR, NOW - HOUR, State.EXPIRED),
    "archived": (Status.ARCHIVED, NOW - HOUR, None, State.ARCHIVED),
}
FACTORIES = {Article: ArticleFactory, Program: ProgramFactory, Person: PersonFactory}


def make_all_states(model):
    made = {}
    for name, (status, publish_at, expire_at, _) in CASES.items():
        made[name] = FACTORIES[model](status=status, publish_at=publish_at, expire_at=expire_at)
    return made


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(FACTORIES), ids=lambda m: m.__name__)
def test_live_queryset_and_is_live_agree_over_every_state(model):
    made = make_all_states(model)
    live_ids = set(model.objects.live().values_list("pk", flat=True))
    for name, item in made.items():
        item.refresh_from_db()
        assert item.is_live == (item.pk in live_ids), name
        assert item.state == CASES[name][3], name
    assert live_ids == {made["live"].pk, made["live-until-later"].pk}


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(FACTORIES), ids=lambda m: m.__name__)
def test_reachable_queryset_and_is_reachable_at_agree_over_every_state(model):
    made = make_all_states(model)
    reachable_ids = set(model.objects.reachable().values_list("pk", flat=True))
    for name, item in made.items():
        item.refresh_from_db()
        assert is_reachable_at(item) == (item.pk in reachable_ids), name
    assert reachable_ids == {made[n].pk for n in ("live", "live-until-later", "archived")}


@pytest.mark.django_db
def test_state_filter_finds_exactly_the_items_in_each_state():
    made = make_all_states(Article)
    for name, (*_, state) in CASES.items():
        found = set(Article.objects.filter(state_q(state)).values_list("pk", flat=True))
        expected = {made[n].pk for n, case in CASES.items() if case[3] == state}
        assert found == expected, name


@pytest.mark.django_db
def test_scheduled_item_goes_live_by_itself_when_its_time_comes():
    article = ArticleFactory(publish_at=NOW + HOUR)
    assert not Article.objects.live(now=NOW).filter(pk=article.pk).exists()
    assert Article.objects.live(now=NOW + 2 * HOUR).filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_publishing_without_a_time_means_now():
    article = ArticleFactory(publish_at=None)
    assert article.publish_at is not None
    assert article.is_live


@pytest.mark.django_db
def test_default_manager_is_unfiltered_for_the_admin():
    make_all_states(Article)
    assert Article.objects.count() == len(CASES)
