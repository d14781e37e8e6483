"""Countries beyond the six GMS countries: editors add them for partners and venues; they are
named where content names them, but only the six have pages, feeds, sitemap entries and
home-page links."""

import pytest
from django.urls import reverse

from programs.models import Country
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, PartnerFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korea():
    return Country.objects.create(name="Republic of Korea", iso_code="KR")


def test_the_six_are_the_gms_countries_after_migrate():
    assert sorted(Country.objects.gms().values_list("iso_code", flat=True)) == [
        "CN", "KH", "LA", "MM", "TH", "VN",
    ]  # fmt: skip


def test_only_the_six_have_pages_feeds_sitemap_entries_and_home_links(client, korea):
    article = ArticleFactory(title="Mekong-ROK Cooperation Day")
    article.countries.add(korea, Country.objects.get(iso_code="TH"))
    assert client.get(korea.get_absolute_url()).status_code == 404
    assert client.get(reverse("feeds:country-rss", args=[korea.slug])).status_code == 404
    assert korea.slug not in client.get(reverse("sitemap", args=["countries"])).content.decode()
    assert korea.get_absolute_url() not in client.get(reverse("site:home")).content.decode()

    page = client.get(article.get_absolute_url()).content.decode()
    assert "<li>Republic of Korea</li>" in page
    assert '<a href="/countries/thailand/">Thailand</a>' in page


def test_a_program_names_a_partner_country_without_a_link(client, korea):
    program = ProgramFactory()
    program.countries.add(korea)
    assert "<li>Republic of Korea</li>" in client.get(program.get_absolute_url()).content.decode()


def test_an_editor_adds_a_partners_country_but_cannot_make_it_gms(client, role_user):
    client.force_login(role_user("Editors"))
    add = reverse("admin:programs_country_add")
    page = client.get(add)
    assert 'name="is_gms"' not in page.content.decode()
    client.post(add, form_data(page, name="New Zealand", iso_code="nz", is_gms="on"))
    nz = Country.objects.get(iso_code="NZ")
    assert not nz.is_gms
    PartnerFactory(country=nz)


def test_an_editor_cannot_change_a_gms_country(client, role_user):
    client.force_login(role_user("Editors"))
    laos = Country.objects.get(iso_code="LA")
    url = reverse("admin:programs_country_change", args=[laos.pk])
    page = client.get(url)
    assert 'name="name"' not in page.content.decode()  # view only
    client.post(url, {"name": "Laos", "iso_code": "LA", "slug": "laos", "order": "1"})
    laos.refresh_from_db()
    assert (laos.name, laos.is_gms) == ("Lao PDR", True)


def test_a_publisher_manages_the_gms_flag(client, role_user, korea):
    client.force_login(role_user("Publishers"))
    url = reverse("admin:programs_country_change", args=[korea.pk])
    assert 'name="is_gms"' in client.get(url).content.decode()
