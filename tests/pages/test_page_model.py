"""Standalone pages: addresses made from the slugs, kept right when the tree changes, and the
slugs and parents that must be refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mi_site.core import revisions
from mi_site.pages.models import Page, is_reserved
from tests.factories import PageFactory, UserFactory
from tests.factories.images import library_image

pytestmark = pytest.mark.django_db
TREE_PATHS = ["about", "about/governance", "about/governance/council"]


@pytest.fixture
def tree():
    about = PageFactory(title="About MI", slug="about")
    governance = PageFactory(title="Governance", slug="governance", parent=about)
    council = PageFactory(title="Council", slug="council", parent=governance)
    return about, governance, council


def paths(*pages) -> list[str]:
    return [Page.objects.get(pk=page.pk).url_path for page in pages]


def test_the_address_is_the_chain_of_slugs(tree):
    about, governance, council = tree
    assert paths(about, governance, council) == TREE_PATHS
    assert council.get_absolute_url() == "/about/governance/council/"
    assert council.ancestor_paths() == ["about", "about/governance"]


def test_a_new_slug_on_a_parent_moves_every_page_below_it(tree):
    about, governance, council = tree
    about.slug = "who-we-are"
    about.save()
    assert paths(about, governance, council) == [
        "who-we-are", "who-we-are/governance", "who-we-are/governance/council"
    ]  # fmt: skip


def test_a_new_parent_moves_the_page_and_its_children(tree):
    _, governance, council = tree
    contact = PageFactory(title="Contact", slug="contact")
    governance.parent = contact
    governance.save()
    assert paths(governance, council) == ["contact/governance", "contact/governance/council"]
    governance.parent = None
    governance.save()
    assert paths(governance, council) == ["governance", "governance/council"]


def test_a_restored_version_brings_the_pages_below_along(tree):
    """Versions are written back with save_base(raw=True), which skips save()."""
    about, governance, council = tree
    user = UserFactory(is_superuser=True)
    old = revisions.record(about, user=user)
    about.slug = "renamed"
    about.save()
    revisions.apply(about, old)
    assert paths(about, governance, council) == TREE_PATHS


def test_an_empty_slug_is_made_from_the_title_and_differs_from_its_siblings(tree):
    about, *_ = tree
    first = PageFactory(title="Annual reports", parent=about)
    second = PageFactory(title="Annual reports", parent=about)
    elsewhere = PageFactory(title="Annual reports")
    assert (first.slug, second.slug, elsewhere.slug) == (
        "annual-reports", "annual-reports-2", "annual-reports"
    )  # fmt: skip


def test_a_made_up_slug_never_takes_one_of_the_sites_addresses():
    assert PageFactory(title="News").url_path == "page-news"
    assert PageFactory(title="Sitemap").url_path == "page-sitemap"


@pytest.mark.parametrize(
    "slug", ["news", "people", "programs", "admin", "feeds", "partners", "healthz", "sitemap-x",
             "Search", "media", "static", "editor", "share", "tags"]
)  # fmt: skip
def test_a_top_level_page_cannot_take_one_of_the_sites_addresses(slug):
    page = Page(title="A page", slug=slug)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert "one of the site's own addresses" in str(refused.value.message_dict["slug"])


def test_a_reserved_word_is_fine_below_another_page(tree):
    about, *_ = tree
    Page(title="News about MI", slug="news", parent=about).full_clean()


def test_every_top_level_address_of_the_site_is_reserved():
    """A route added to the URLconf without a reservation would be taken over by a page."""
    firsts = set()
    for pattern in get_resolver().url_patterns:
        found = [pattern]
        while found:
            entry = found.pop()
            route = str(entry.pattern)
            if isinstance(entry, URLResolver) and route == "":
                found.extend(entry.url_patterns)
            elif isinstance(entry, URLPattern | URLResolver) and route and "<" not in route[:1]:
                firsts.add(route.split("/")[0].split("<")[0])
    firsts.discard("")
    assert {"news", "admin", "healthz", "sitemap.xml", "robots.txt"} <= firsts
    assert [first for first in firsts if not is_reserved(first.rstrip("-"))] == []


def test_two_siblings_cannot_share_a_slug(tree):
    about, *_ = tree
    twin = Page(title="Governance again", slug="governance", parent=about)
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert "Another page under \u201cAbout MI\u201d already uses" in str(refused.value)
    top = Page(title="About again", slug="about")
    with pytest.raises(ValidationError, match="at the top level"):
        top.full_clean()


def test_a_page_cannot_sit_under_itself_or_its_own_sub_page(tree):
    about, _, council = tree
    for parent in (about, council):
        about.parent = parent
        with pytest.raises(ValidationError) as refused:
            about.full_clean()
        assert "cannot sit under itself" in str(refused.value.message_dict["parent"])
        with pytest.raises(ValueError, match="cannot sit under itself"):
            about.save()
    assert paths(about) == ["about"]


def test_an_address_too_long_for_the_pages_below_is_refused(tree):
    about, *_ = tree
    PageFactory(title="Deep", slug="d" * 95, parent=PageFactory(slug="c" * 95, parent=about))
    about.slug = "a" * 100  # the deepest page below: /aaa.../ccc.../ddd.../, 292 characters
    about.full_clean()
    upper = PageFactory(slug="e" * 100, parent=PageFactory(slug="b" * 100))
    about.parent = upper  # 201 + 1 + 292 = 494: fits
    about.full_clean()
    about.parent = PageFactory(slug="f" * 100, parent=upper)  # 595: refused
    with pytest.raises(ValidationError, match="would be 595 characters long"):
        about.full_clean()


def test_an_image_needs_its_description_or_the_decorative_tick(tree):
    about, *_ = tree
    about.hero_image = library_image("x.jpg")
    with pytest.raises(ValidationError) as refused:
        about.full_clean()
    assert "hero_alt" in refused.value.message_dict
    about.hero_decorative = True
    about.full_clean()


def test_the_address_is_served_by_the_page_view():
    assert reverse("site:page-detail", kwargs={"url_path": "about/governance"}) == (
        "/about/governance/"
    )
