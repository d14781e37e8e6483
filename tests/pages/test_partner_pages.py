"""Partner pages (/partners/, /partners/<slug>/): who the partner is, the live programs it
funds or implements and the live news it is part of; its feeds and sitemap section; and no
partner known only from a draft."""

import importlib

import feedparser
import pytest
from django.apps import apps
from django.urls import reverse

from mi_site.core.publishing import Status
from news.models import ArticlePartner
from programs.models import Partner, ProgramPartner
from tests.factories import ArticleFactory, PartnerFactory, ProgramFactory
from tests.factories.images import library_image
from tests.pages.html import read

pytestmark = pytest.mark.django_db


@pytest.fixture
def tica():
    tica = PartnerFactory(
        name="Thailand International Cooperation Agency",
        acronym="TICA",
        website="https://tica.thaigov.net/",
        summary="Thailand's agency for development cooperation.",
        logo=library_image("tica.png", fmt="PNG"),
        logo_alt="TICA logo",
    )
    funded = ProgramFactory(title="Agricultural Value Chains")
    ProgramPartner.objects.create(program=funded, partner=tica, role="funder")
    implemented = ProgramFactory(title="Rural Enterprise Training")
    ProgramPartner.objects.create(program=implemented, partner=tica, role="implementing")
    draft = ProgramFactory(title="Draft Program", status=Status.DRAFT)
    ProgramPartner.objects.create(program=draft, partner=tica, role="funder")
    story = ArticleFactory(title="Training on food safety")
    # Funder and co-organiser of the same story: it is listed once.
    for role in (ArticlePartner.Role.FUNDER, ArticlePartner.Role.CO_ORGANISER):
        ArticlePartner.objects.create(article=story, partner=tica, role=role)
    hidden = ArticleFactory(title="Draft story", status=Status.DRAFT)
    ArticlePartner.objects.create(article=hidden, partner=tica, role="funder")
    ArticleFactory(title="Someone else's story")
    return tica


def test_partner_page_shows_the_partner_its_programs_by_role_and_its_news(client, tica):
    response = client.get(f"/partners/{tica.slug}/")
    assert response.status_code == 200
    page, html = read(response), response.content.decode()
    assert page.h1() == ["Thailand International Cooperation Agency (TICA)"]
    assert 'alt="TICA logo"' in html and "Thailand&#x27;s agency for development" in html
    assert ("https://tica.thaigov.net/", "Website of TICA") in page.anchors
    headings = [text for tag, text in page.headings if tag == "h2"]
    assert headings[:2] == ["Programs it funds", "Programs it implements with MI"]
    assert html.count("Training on food safety") == 1
    for hidden in ("Draft Program", "Draft story", "Someone else"):
        assert hidden not in html, hidden
    assert f"/news/?partner={tica.slug}" in page.hrefs()

    organisation = page.structured("Organization")
    assert organisation["name"] == tica.name and organisation["alternateName"] == "TICA"
    assert organisation["sameAs"] == ["https://tica.thaigov.net/"]
    assert organisation["logo"].startswith("http://testserver/media/images/")
    crumbs = page.structured("BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Partners", str(tica)]
    assert page.meta["og:image"] == organisation["logo"]


def test_news_list_filtered_by_partner_lists_each_story_once(client, tica):
    response = client.get("/news/", {"partner": tica.slug})
    assert response.status_code == 200
    assert [a.title for a in response.context["object_list"]] == ["Training on food safety"]
    assert response.context["active_filters"] == [("partner", str(tica))]
    assert f"<title>News: {tica}" in response.content.decode()


def test_a_partner_known_only_from_drafts_has_no_page_feed_or_filter(client):
    secret = PartnerFactory(name="Embargoed Donor")
    ArticlePartner.objects.create(
        article=ArticleFactory(status=Status.DRAFT), partner=secret, role="funder"
    )
    ProgramPartner.objects.create(
        program=ProgramFactory(status=Status.DRAFT), partner=secret, role="funder"
    )
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert client.get(f"/feeds/partners/{secret.slug}/rss/").status_code == 404
    assert client.get("/news/", {"partner": secret.slug}).status_code == 404
    assert "Embargoed Donor" not in client.get("/partners/").content.decode()
    sitemap = client.get(reverse("sitemap", kwargs={"section": "partners"})).content.decode()
    assert secret.slug not in sitemap


def test_partner_list_groups_partners_by_kind(client, tica):
    university = PartnerFactory(name="Khon Kaen University", acronym="KKU", kind="academic")
    ProgramPartner.objects.create(program=ProgramFactory(), partner=university, role="implementing")
    response = client.get("/partners/")
    page = read(response)
    assert [kind for kind, _ in response.context["groups"]] == ["Donor", "Academic institution"]
    assert [text for tag, text in page.headings if tag == "h2"][:2] == [
        "Donor",
        "Academic institution",
    ]
    assert (tica.get_absolute_url(), tica.name) in page.anchors
    assert (university.get_absolute_url(), university.name) in page.anchors


@pytest.mark.parametrize("fmt,version", [("rss", "rss20"), ("atom", "atom10")])
def test_partner_feed_lists_its_live_news_once(client, tica, fmt, version):
    response = client.get(f"/feeds/partners/{tica.slug}/{fmt}/")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0 and feed.version == version
    assert [entry.title for entry in feed.entries] == ["Training on food safety"]
    assert feed.feed.link.endswith(tica.get_absolute_url())


def test_partners_sitemap_section(client, tica):
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-partners.xml" in index
    section = client.get("/sitemap-partners.xml").content.decode()
    assert f"http://testserver/partners/{tica.slug}/" in section


def test_a_partner_named_in_thai_gets_a_page(client):
    partner = PartnerFactory(name="กรมส่งเสริมการเกษตร", acronym="")
    ProgramPartner.objects.create(program=ProgramFactory(), partner=partner, role="funder")
    assert partner.slug and partner.slug.isascii()
    response = client.get(partner.get_absolute_url())
    assert response.status_code == 200
    assert read(response).h1() == ["กรมส่งเสริมการเกษตร"]


def test_article_page_links_each_partner_to_its_page(client, tica):
    story = ArticleFactory()
    ArticlePartner.objects.create(article=story, partner=tica, role="funder")
    assert tica.get_absolute_url() in read(client.get(story.get_absolute_url())).hrefs()


def test_migration_gives_every_existing_partner_a_slug():
    migration = importlib.import_module("programs.migrations.0007_partner_pages")
    first, second = PartnerFactory(name="Asian Development Bank"), PartnerFactory(name="ADB!")
    for partner in (first, second):  # as the column was before the migration filled it
        Partner.objects.filter(pk=partner.pk).update(slug=f"before-{partner.pk}")
    migration.fill_slugs(apps, None)
    assert sorted(Partner.objects.values_list("slug", flat=True)) == [
        "adb",
        "asian-development-bank",
    ]
    assert {first.pk, second.pk} == set(Partner.objects.values_list("pk", flat=True))
