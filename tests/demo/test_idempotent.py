"""A second run changes nothing, not even `updated_at`; a real difference is written back."""

import re
from datetime import timedelta
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from mi_site.core.publishing import State
from mi_site.demo.loader import load_demo_content
from news.models import Article
from programs.models import Partner, ProgramPartner

APPS = {"documents", "programs", "people", "news", "pages", "taggit", "auth"}


def snapshot() -> dict:
    """Every column of every row of every content table, M2M link tables included."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in APPS
    }


def counts(output: str) -> dict:
    return {k: int(n) for n, k in re.findall(r"(\d+) (created|updated|unchanged)", output)}


def run_command(*args) -> str:
    out = StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


def test_second_run_of_the_command_changes_no_row_and_says_so(db, settings):
    settings.DEBUG = True
    first = run_command()
    before = snapshot()
    second = run_command()

    assert snapshot() == before
    assert counts(first)["created"] > 100
    assert counts(second) == {"created": 0, "updated": 0, "unchanged": counts(first)["created"]}
    assert "Demo content: 0 created, 0 updated" in second
    # The snapshot really covers the demo: links, tags, logins and their groups.
    assert len(before["news.Article_people"]) > 20
    assert len(before["taggit.TaggedItem"]) > 50
    assert len(before["auth.User_groups"]) == 3


def test_an_edited_value_is_written_back_and_only_that_row_changes(demo):
    article = Article.objects.get(slug="mi-holds-workshop-on-regional-migration-management")
    Article.objects.filter(pk=article.pk).update(
        title="Edited", updated_at=timezone.now() - timedelta(days=1)
    )
    before = snapshot()

    writer = load_demo_content()

    after = snapshot()
    assert writer.tally["created"] == 0 and writer.tally["updated"] == 1
    changed = [
        (old, new)
        for old, new in zip(before["news.Article"], after["news.Article"], strict=True)
        if old != new
    ]
    assert len(changed) == 1
    old, new = changed[0]
    assert new["title"] == "MI Holds Workshop on Regional Migration Management"
    assert new["updated_at"] > old["updated_at"]
    assert {k: v for k, v in before.items() if k != "news.Article"} == {
        k: v for k, v in after.items() if k != "news.Article"
    }


def test_changed_links_and_tags_are_set_back(demo):
    article = Article.objects.get(slug="mi-holds-workshop-on-regional-migration-management")
    article.countries.clear()
    article.tags.add("stray tag")
    program = article.programs.get()
    ProgramPartner.objects.create(program=program, partner=Partner.objects.get(acronym="ADB"))

    load_demo_content()

    assert article.countries.count() == 6
    assert "stray tag" not in article.tags.names()
    assert list(program.partners.values_list("acronym", flat=True)) == ["TICA"]


def test_a_missing_image_file_is_drawn_again(demo):
    article = Article.objects.exclude(hero_image=None).first()
    file = article.hero_image.file
    file.storage.delete(file.name)

    load_demo_content()

    article.refresh_from_db()
    assert article.hero_image.file.storage.exists(article.hero_image.file.name)


def test_the_scheduled_article_keeps_its_time_until_it_passes(demo):
    scheduled = Article.objects.get(
        slug="mi-to-host-third-mekong-lancang-energy-transition-dialogue"
    )
    planned = scheduled.publish_at
    assert scheduled.state == State.SCHEDULED

    load_demo_content(now=timezone.now() + timedelta(days=1))
    scheduled.refresh_from_db()
    assert scheduled.publish_at == planned

    # Loaded again after the planned time: it is scheduled anew rather than going live.
    later = planned + timedelta(hours=1)
    load_demo_content(now=later)
    scheduled.refresh_from_db()
    assert scheduled.publish_at > later
