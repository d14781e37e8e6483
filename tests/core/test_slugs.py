"""Slugs from titles: never empty, readable ASCII for any script, a suffix on a clash, never
longer than the field, and an editor's own slug kept."""

import re

import pytest
from django import forms
from django.core.exceptions import ValidationError

from mi_site.core import slugs
from news.models import Article
from people.models import Person
from programs.models import Department, Program

pytestmark = pytest.mark.django_db

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

# title -> the slug it must give
TITLES = {
    "thai": ("สถาบันแม่โขง", "sthabanaemokhng"),
    "lao": ("ສະຖາບັນແມ່ຂອງ", "sathabanemkhng"),
    "burmese": ("မဲခေါင်အင်စတီကျု", "maikheannctikyu"),
    "chinese": ("湄公河研究所", "mei-gong-he-yan-jiu-suo"),
    "vietnamese": ("Hội thảo về di cư lao động", "hoi-thao-ve-di-cu-lao-dong"),
    "khmer": ("វិទ្យាស្ថានមេគង្គ", "vetyasthanmekngk"),
    "mixed": ("MI 湄公河 workshop 🎉", "mi-mei-gong-he-workshop"),
    "emoji-only": ("🎉🌏🙏", None),
    "punctuation-only": ("!!! — ???", None),
}

# model -> (the field its slug is made from, the fallback for a title with nothing readable)
MODELS = {
    Article: ("title", "article"),
    Program: ("title", "program"),
    Person: ("display_name", "person"),
    Department: ("name", "department"),
}


def make(model, text, **extra):
    source, _ = MODELS[model]
    return model.objects.create(**{source: text, **extra})


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("case", TITLES)
def test_any_title_gives_a_readable_ascii_slug(model, case):
    title, wanted = TITLES[case]
    item = make(model, title)
    slug = model.objects.values_list("slug", flat=True).get(pk=item.pk)
    assert SLUG.fullmatch(slug), slug
    assert slug == (wanted or MODELS[model][1])


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_a_clash_gets_a_numeric_suffix(model):
    # Department names are unique, so the clash there comes from a different name.
    texts = ["Regional Workshop", "Regional Workshop!", "Regional: Workshop"]
    made = [make(model, text).slug for text in texts]
    assert made == ["regional-workshop", "regional-workshop-2", "regional-workshop-3"]


def test_titles_with_nothing_readable_share_the_fallback_with_suffixes():
    made = [make(Article, "🎉").slug, make(Article, "🙏").slug, make(Article, "...").slug]
    assert made == ["article", "article-2", "article-3"]


def test_a_suffix_skips_slugs_already_taken_by_other_titles():
    make(Article, "Workshop")
    make(Article, "Workshop", slug="workshop-2")
    make(Article, "Workshop 3")  # takes "workshop-3" from its own title
    assert make(Article, "Workshop").slug == "workshop-4"


def test_saving_again_keeps_the_slug():
    article = make(Article, "Workshop")
    article.title = "Workshop on migration"
    article.save()
    article.refresh_from_db()
    assert article.slug == "workshop"


def test_clearing_the_slug_makes_a_new_one_without_clashing_with_itself():
    article = make(Article, "Workshop")
    article.slug = ""
    article.save()
    assert article.slug == "workshop"


def test_an_editor_typed_slug_is_kept():
    article = make(Article, "Workshop on labour migration", slug="migration-2020")
    assert Article.objects.values_list("slug", flat=True).get(pk=article.pk) == "migration-2020"


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = ["title", "slug", "status"]


def test_a_typed_slug_another_item_uses_is_a_form_error():
    make(Article, "First", slug="workshop")
    form = ArticleForm(data={"title": "Second", "slug": "workshop", "status": "draft"})
    assert not form.is_valid()
    assert list(form.errors) == ["slug"]
    assert "already exists" in form.errors["slug"][0]


def test_a_typed_slug_another_item_uses_fails_full_clean_on_slug():
    make(Program, "First", slug="workshop")
    with pytest.raises(ValidationError) as caught:
        Program(title="Second", slug="workshop").full_clean()
    assert list(caught.value.message_dict) == ["slug"]


def test_an_empty_slug_in_the_form_is_filled_from_the_title():
    make(Article, "Workshop")
    form = ArticleForm(data={"title": "Workshop", "slug": "", "status": "draft"})
    assert form.is_valid(), form.errors
    assert form.save().slug == "workshop-2"


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_long_titles_are_cut_to_the_field_length_suffix_included(model):
    max_length = model._meta.get_field("slug").max_length
    # As long as the title field allows (PostgreSQL enforces it), one character spare.
    title_length = model._meta.get_field(MODELS[model][0]).max_length
    title = ("Capacity building for regional cooperation " * 10)[: title_length - 1].strip()
    first, second = make(model, title).slug, make(model, title + "!").slug
    assert len(first) <= max_length
    assert first.startswith("capacity-building-for-regional-cooperation-capacity")
    assert not first.endswith("-")
    assert len(second) <= max_length
    assert second.endswith("-2")
    assert second.removesuffix("-2").rstrip("-") in first


def test_a_long_word_is_cut_exactly_at_the_limit():
    max_length = Article._meta.get_field("slug").max_length
    made = [make(Article, "x" * 250).slug for _ in range(3)]
    assert [len(slug) for slug in made] == [max_length] * 3
    assert made[1].endswith("-2") and made[2].endswith("-3")


def test_losing_a_race_for_a_slug_retries_with_the_next_suffix(monkeypatch):
    make(Article, "Workshop")
    real = slugs.unique_slug
    calls = []

    def stale_then_real(instance, text, **kwargs):
        # The first check ran before the other editor's row was committed.
        calls.append(text)
        return "workshop" if len(calls) == 1 else real(instance, text, **kwargs)

    monkeypatch.setattr(slugs, "unique_slug", stale_then_real)
    article = make(Article, "Workshop")
    assert article.slug == "workshop-2"
    assert len(calls) == 2
    assert Article.objects.filter(slug__startswith="workshop").count() == 2
