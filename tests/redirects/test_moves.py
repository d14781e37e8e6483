"""A public item whose address changes leaves a 301 from its old address to itself: articles,
profiles, programs, partners and pages (with the pages below a moved page). Chains collapse,
no redirect shadows a live page, and a draft's new address is never revealed."""

import pytest

from mi_site.core import redirects
from mi_site.core.models import Redirect
from mi_site.core.publishing import Status
from programs.models import ProgramPartner
from tests.factories import (
    ArticleFactory,
    PageFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
)
from tests.workflow.conftest import save_form, signed_in

pytestmark = pytest.mark.django_db


def a_public_partner():
    partner = PartnerFactory(name="Swiss Agency for Development and Cooperation")
    ProgramPartner.objects.create(program=ProgramFactory(), partner=partner, role="funder")
    return partner


MAKERS = {
    "article": lambda: ArticleFactory(title="Workshop on food safety"),
    "person": lambda: PersonFactory(display_name="Somchai Jaidee"),
    "program": lambda: ProgramFactory(title="Mekong migration program"),
    "partner": a_public_partner,
    "page": lambda: PageFactory(title="About MI", slug="about"),
}


def rename(item, slug):
    item.slug = slug
    item.save()
    return item


@pytest.mark.parametrize("kind", MAKERS)
def test_a_new_slug_leaves_a_permanent_redirect_from_the_old_address(client, kind):
    item = MAKERS[kind]()
    old = item.get_absolute_url()
    assert client.get(old).status_code == 200
    new = rename(item, "renamed-by-the-editor").get_absolute_url()
    assert new != old

    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200
    # The same old address without its trailing slash, and with tracking parameters.
    assert client.get(old.rstrip("/"))["Location"] == new
    assert client.get(old, {"utm_source": "newsletter"})["Location"] == new
    row = Redirect.objects.get()
    assert (row.hits, row.automatic, row.item) == (3, True, item)
    assert row.last_hit is not None


@pytest.mark.parametrize("kind", MAKERS)
def test_renaming_twice_sends_both_old_addresses_straight_to_the_newest(client, kind):
    item = MAKERS[kind]()
    first = item.get_absolute_url()
    second = rename(item, "second-name").get_absolute_url()
    third = rename(item, "third-name").get_absolute_url()
    for old in (first, second):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, third), old
    assert Redirect.objects.count() == 2


def test_renaming_back_removes_the_redirect_that_would_shadow_the_page(client):
    article = ArticleFactory(slug="food-safety")
    rename(article, "food-safety-in-hanoi")
    rename(article, "food-safety")
    assert client.get("/news/food-safety/").status_code == 200
    assert [r.old_path for r in Redirect.objects.all()] == ["/news/food-safety-in-hanoi"]
    assert client.get("/news/food-safety-in-hanoi/")["Location"] == "/news/food-safety/"


def test_a_new_item_at_a_redirected_address_takes_it_over(client):
    old = ArticleFactory(slug="annual-meeting")
    rename(old, "annual-meeting-2023")
    assert client.get("/news/annual-meeting/").status_code == 301
    ArticleFactory(slug="annual-meeting", title="Annual meeting 2024")
    assert client.get("/news/annual-meeting/").status_code == 200
    assert not Redirect.objects.filter(old_path="/news/annual-meeting").exists()


def test_a_draft_leaves_no_redirect_and_a_redirect_never_reveals_a_draft(client):
    draft = ArticleFactory(slug="embargoed", status=Status.DRAFT)
    rename(draft, "embargoed-story")
    assert not Redirect.objects.exists()

    live = ArticleFactory(slug="was-live")
    rename(live, "now-withdrawn")
    live.status = Status.DRAFT
    live.save()
    assert client.get("/news/was-live/").status_code == 404  # not a 301 to the draft's address


def test_moving_a_page_redirects_it_and_every_public_page_below_it(client):
    about = PageFactory(title="About", slug="about")
    governance = PageFactory(title="Governance", slug="governance", parent=about)
    council = PageFactory(title="Council", slug="council", parent=governance)
    hidden = PageFactory(slug="draft-note", parent=governance, status=Status.DRAFT)
    rename(about, "who-we-are")

    assert client.get("/about/")["Location"] == "/who-we-are/"
    assert client.get("/about/governance/")["Location"] == "/who-we-are/governance/"
    assert client.get("/about/governance/council/")["Location"] == (
        "/who-we-are/governance/council/"
    )
    assert client.get("/about/governance/draft-note/").status_code == 404
    assert council.get_absolute_url() == "/about/governance/council/"  # stale object
    council.refresh_from_db()
    hidden.refresh_from_db()
    assert client.get(council.get_absolute_url()).status_code == 200
    assert not Redirect.objects.filter(object_id=str(hidden.pk)).exists()


def test_an_editors_slug_change_redirects_only_once_a_publisher_approves(client, role_user):
    article = ArticleFactory(slug="food-safety-training", title="Food safety training")
    editor, publisher = role_user("Editors"), role_user("Publishers")
    assert (
        save_form(signed_in(editor), article, slug="food-safety-training-hanoi").status_code == 302
    )
    assert not Redirect.objects.exists()
    assert client.get("/news/food-safety-training/").status_code == 200

    assert save_form(signed_in(publisher), article, _publish="1").status_code == 302
    response = client.get("/news/food-safety-training/")
    assert (response.status_code, response["Location"]) == (
        301,
        "/news/food-safety-training-hanoi/",
    )


def test_a_redirect_to_a_deleted_item_answers_404(client):
    article = ArticleFactory(slug="old")
    rename(article, "new")
    article.delete()
    assert client.get("/news/old/").status_code == 404


def test_saving_an_item_unchanged_costs_no_redirect_query(django_assert_num_queries):
    article = ArticleFactory()
    article.title = "A better title"
    # The row before the save (one query), the save itself; no redirect bookkeeping.
    with django_assert_num_queries(2):
        article.save()


def test_the_addresses_of_items_are_known_to_the_redirects_form():
    article = ArticleFactory()
    page = PageFactory(slug="contact")
    assert redirects.item_at(article.get_absolute_url()) == article
    assert redirects.item_at("/contact") == page
    assert redirects.item_at("/news/") is None
