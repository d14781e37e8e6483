"""The hub registry (news/hubs.py) drives the news filter, the per-hub feeds and the hub
sitemap sections: each hub gets all of them from its one entry."""

import pytest
from django.urls import NoReverseMatch, reverse

from mi_site.sitemaps import SITEMAPS
from news.forms import FILTERS, NewsFilterForm
from news.hubs import BY_MODEL as HUBS_BY_MODEL
from news.hubs import HUBS
from news.models import Article, ArticlePartner
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PartnerFactory,
    ProgramFactory,
    ThemeFactory,
)


def test_every_hub_has_a_filter_rss_and_atom_feed():
    for hub in HUBS:
        assert hub.kind in FILTERS and hub.kind in NewsFilterForm.base_fields
        for fmt in ("rss", "atom"):
            path = reverse(f"feeds:{hub.kind}-{fmt}", kwargs={"slug": "some-slug"})
            assert path == f"/feeds/{hub.plural}/some-slug/{fmt}/"


def test_every_hub_with_pages_of_its_own_has_a_sitemap_section():
    sections = {hub.plural for hub in HUBS if hub.sitemap_section}
    assert sections <= set(SITEMAPS)
    assert "programs" in SITEMAPS, "a program's pages are listed with the programs"
    for section in sections:
        assert SITEMAPS[section].hub.plural == section


def test_each_hubs_page_is_a_named_address():
    for hub in HUBS:
        try:
            reverse(hub.page, kwargs={"slug": "x"})
        except NoReverseMatch:
            pytest.fail(f"{hub.kind}: no page named {hub.page}")


@pytest.mark.django_db
def test_about_finds_the_articles_of_every_kind_of_hub():
    department, theme, program = DepartmentFactory(), ThemeFactory(), ProgramFactory()
    article = ArticleFactory(department=department, tags=["rice"])
    article.themes.add(theme)
    article.programs.add(program)
    ArticleFactory()
    partner = PartnerFactory()
    # One partner in two roles: the article is still found once.
    for role in (ArticlePartner.Role.FUNDER, ArticlePartner.Role.CO_ORGANISER):
        ArticlePartner.objects.create(article=article, partner=partner, role=role)
    tag = article.tags.get()
    for hub in (department, theme, program, tag, partner):
        assert list(Article.objects.live().about(hub)) == [article], hub
        assert hub in HUBS_BY_MODEL[type(hub)].public(), hub
        slug_filter = HUBS_BY_MODEL[type(hub)].condition(hub.slug, field="slug")
        assert list(Article.objects.live().filter(slug_filter)) == [article], hub
