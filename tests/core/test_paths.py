"""`slug_path()` gives exactly what `reverse()` gives, and refuses what it refuses."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from mi_site.core.paths import slug_path

VIEWS = ["news:article-detail", "people:person-detail", "programs:program-detail",
         "site:department-detail", "site:tag-detail"]  # fmt: skip


@pytest.mark.parametrize("viewname", VIEWS)
@pytest.mark.parametrize("slug", ["a", "mekong-2", "lan-mei-he-zuo", "x_y", "0slug0"])
def test_the_same_as_reverse(viewname, slug):
    assert slug_path(viewname, slug) == reverse(viewname, kwargs={"slug": slug})


def test_the_script_prefix_is_honoured():
    set_script_prefix("/mi/")
    try:
        assert slug_path("news:article-detail", "a") == "/mi/news/a/"
    finally:
        set_script_prefix("/")
    assert slug_path("news:article-detail", "a") == "/news/a/"


def test_another_urlconf_is_honoured():
    assert slug_path("news:article-detail", "a") == "/news/a/"
    with override_settings(ROOT_URLCONF="tests.core.moved_urls"):
        assert slug_path("news:article-detail", "a") == "/archive/a/"


@pytest.mark.parametrize("slug", ["", "ຫຼວງ", "a/b", "a b", "é"])
def test_what_reverse_refuses_is_refused(slug):
    with pytest.raises(NoReverseMatch):
        reverse("news:article-detail", kwargs={"slug": slug})
    with pytest.raises(NoReverseMatch):
        slug_path("news:article-detail", slug)
