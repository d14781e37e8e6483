"""The main menu and the footer come from the admin, cost two queries, and fall back to the
built-in links while nothing is set up."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mi_site.core.publishing import Status
from mi_site.pages.models import MenuItem, SiteFooter, SocialLink
from mi_site.pages.navigation import Navigation
from tests.admin.formdata import form_data
from tests.factories import MenuItemFactory, PageFactory, SiteFooterFactory, SocialLinkFactory
from tests.pages.html import PageReader, read
from tests.workflow.conftest import signed_in

pytestmark = pytest.mark.django_db
FOOTER = reverse("admin:pages_sitefooter_changelist")


def menu(html: str) -> list[tuple[str, str]]:
    """(href, label) of the links in the header's main menu."""
    nav = html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]
    return PageReader(f"<nav {nav}</nav>").anchors


def footer(html: str) -> str:
    return html.split('class="site-footer"', 1)[1]


def test_the_built_in_links_show_until_the_menu_and_footer_are_set_up(client):
    html = client.get("/").content.decode()
    assert menu(html) == [("/news/", "News"), ("/programs/", "Programs"),
                          ("/departments/", "Departments"), ("/people/", "Staff")]  # fmt: skip
    assert "Khon Kaen, Thailand" in footer(html)


def test_a_publisher_sets_up_menu_and_footer_in_the_admin_and_readers_see_them(client, role_user):
    about = PageFactory(title="About MI", slug="about")
    publishing = signed_in(role_user("Publishers"))
    add_item = reverse("admin:pages_menuitem_add")
    for label, fields in [("About", {"page": str(about.pk), "sort_order": "1"}),
                          ("News", {"url": "/news/", "sort_order": "2"})]:  # fmt: skip
        data = form_data(publishing.get(add_item), label=label, **fields)
        assert publishing.post(add_item, data).status_code == 302

    add_footer = publishing.get(reverse("admin:pages_sitefooter_add"))
    data = form_data(
        add_footer,
        address="Mekong Institute\n123 Mittraphap Road, Muang\nKhon Kaen 40002, Thailand",
        phone="+66 (0) 43 202 411",
        email="information@mekonginstitute.org",
        **{"social_links-TOTAL_FORMS": "1", "social_links-0-network": "linkedin",
           "social_links-0-url": "https://www.linkedin.com/company/mekong-institute",
           "social_links-0-sort_order": "0"},
    )  # fmt: skip
    assert publishing.post(reverse("admin:pages_sitefooter_add"), data).status_code == 302
    # There is one footer: once made, it is changed, never added again.
    assert publishing.get(reverse("admin:pages_sitefooter_add")).status_code == 403

    html = client.get("/about/").content.decode()
    assert menu(html) == [("/about/", "About"), ("/news/", "News")]
    assert 'href="/about/" aria-current="page"' in html
    bottom = footer(html)
    assert "123 Mittraphap Road, Muang<br>Khon Kaen 40002, Thailand" in bottom
    assert 'href="tel:+66043202411"' in bottom
    assert 'href="mailto:information@mekonginstitute.org"' in bottom
    links = read(client.get("/about/")).anchors
    assert ("https://www.linkedin.com/company/mekong-institute", "LinkedIn") in links


def test_editors_may_look_at_the_menu_and_footer_but_not_change_them(role_user):
    item = MenuItemFactory(label="News")
    SiteFooterFactory()
    looking = signed_in(role_user("Editors"))
    change = reverse("admin:pages_menuitem_change", args=[item.pk])
    assert looking.get(change).status_code == 200
    assert looking.post(change, {"label": "Changed", "url": "/x/"}).status_code == 403
    assert looking.get(reverse("admin:pages_menuitem_add")).status_code == 403
    assert looking.get(FOOTER).status_code == 200
    item.refresh_from_db()
    assert item.label == "News"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "exactly one of the two"),
        ({"url": "/news/", "page": True}, "exactly one of the two"),
        ({"url": "javascript:alert(1)"}, "starting with /"),
        ({"url": "//evil.example/"}, "starting with /"),
        ({"url": "/with space/"}, "cannot contain spaces"),
    ],
)
def test_a_menu_item_links_to_a_page_or_an_address_never_both_never_a_script(fields, message):
    if fields.pop("page", False):
        fields["page"] = PageFactory()
    item = MenuItem(label="Link", **fields)
    with pytest.raises(ValidationError, match=message):
        item.full_clean()


def test_a_link_to_a_page_shows_only_while_the_page_is_live(client):
    careers = PageFactory(title="Careers", slug="careers", status=Status.DRAFT)
    MenuItemFactory(label="Careers", page=careers, sort_order=1)
    MenuItemFactory(label="News", url="/news/", sort_order=2)
    assert menu(client.get("/").content.decode()) == [("/news/", "News")]
    careers.status = Status.PUBLISHED
    careers.save()
    assert menu(client.get("/").content.decode()) == [("/careers/", "Careers"), ("/news/", "News")]


@pytest.mark.parametrize("items", [1, 20])
def test_menu_and_footer_cost_two_queries_whatever_their_size(items):
    for n in range(items):
        MenuItemFactory(page=PageFactory(), sort_order=n)
        SocialLinkFactory(network=SocialLink.Network.YOUTUBE, url=f"https://youtube.com/{n}")
    navigation = Navigation("/")
    with CaptureQueriesContext(connection) as queries:
        assert len(navigation.menu) == items
        assert len(navigation.footer.social) == items
        # Read once, kept for the rest of the page.
        assert navigation.menu and navigation.footer
    assert len(queries) == 2


def test_there_is_one_footer():
    SiteFooterFactory()
    second = SiteFooter(address="Elsewhere")
    second.save()
    assert SiteFooter.objects.count() == 1
    assert SiteFooter.objects.get().address == "Elsewhere"
