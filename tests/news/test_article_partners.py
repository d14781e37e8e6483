"""An article's partners with their role: shown on the article, in its JSON-LD, edited in the
admin, and held for review like any other change to a published article."""

import json
import re

import pytest
from django.urls import reverse

from mi_site.core import revisions
from news.models import Article, ArticlePartner
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tica():
    return PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA",
                          website="https://tica.thaigov.net/")  # fmt: skip


@pytest.fixture
def embassy():
    return PartnerFactory(name="Embassy of the Republic of Korea", acronym="", website="")


def structured(page: str, kind: str) -> dict:
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    raise AssertionError(kind)


def test_the_article_says_who_supported_and_who_organised_it(client, tica, embassy):
    article = ArticleFactory()
    ArticlePartner.objects.create(article=article, partner=tica, role="funder")
    ArticlePartner.objects.create(article=article, partner=embassy, role="co-organiser")
    page = client.get(article.get_absolute_url()).content.decode()
    # Each partner links to its page on the site, which links to the partner's own website.
    assert re.search(
        rf'Supported by</h2>\s*<ul class="partner-list">\s*<li><a href="/partners/{tica.slug}/"',
        page,
    )
    assert "Organised with</h2>" in page and "Embassy of the Republic of Korea" in page

    data = structured(page, "NewsArticle")
    assert data["funder"] == [{"@type": "Organization", "name": tica.name,
                               "url": "https://tica.thaigov.net/"}]  # fmt: skip
    assert data["sponsor"] == [{"@type": "Organization", "name": embassy.name}]


def test_an_article_without_partners_says_nothing_of_them(client):
    page = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "Supported by" not in page
    assert "funder" not in structured(page, "NewsArticle")


def test_an_editor_adds_a_funder_to_a_draft(client, role_user, tica):
    client.force_login(role_user("Editors"))
    add = reverse("admin:news_article_add")
    rows = {"partner_roles-TOTAL_FORMS": "1", "partner_roles-0-partner": str(tica.pk),
            "partner_roles-0-role": "funder"}  # fmt: skip
    assert (
        client.post(add, form_data(client.get(add), title="Funded story", **rows)).status_code
        == 302
    )
    article = Article.objects.get(title="Funded story")
    assert list(article.partner_roles.values_list("partner__acronym", "role")) == [
        ("TICA", "funder")
    ]


def test_a_funder_added_to_a_live_article_waits_for_review(client, role_user, tica):
    article = ArticleFactory()
    client.force_login(role_user("Editors"))
    url = reverse("admin:news_article_change", args=[article.pk])
    rows = {"partner_roles-TOTAL_FORMS": "1", "partner_roles-0-partner": str(tica.pk),
            "partner_roles-0-role": "funder"}  # fmt: skip
    assert client.post(url, form_data(client.get(url), **rows)).status_code == 302
    assert not article.partner_roles.exists()
    with revisions.applied(article, revisions.pending(article)) as changed:
        assert list(changed.partners.all()) == [tica]


def test_a_partner_in_use_cannot_be_deleted(client, role_user, tica):
    ArticlePartner.objects.create(article=ArticleFactory(), partner=tica, role="funder")
    client.force_login(role_user("Publishers"))
    response = client.post(
        reverse("admin:programs_partner_delete", args=[tica.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # Django lists the protected rows instead
    assert type(tica).objects.filter(pk=tica.pk).exists()
