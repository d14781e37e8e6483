"""Standalone pages on the public site: served at their nested address while live (archived
ones with a notice), 404 in every other state, listed nowhere unless live."""

import pytest
from django.urls import reverse

from mi_site.core.publishing import Status
from mi_site.pages.models import Page
from tests.factories import MenuItemFactory, PageFactory
from tests.pages.html import read
from tests.site.content import non_live_states

pytestmark = pytest.mark.django_db
NON_LIVE = ["draft", "review", "scheduled", "expired"]


@pytest.fixture
def about():
    return PageFactory(
        title="About MI",
        slug="about",
        standfirst="An intergovernmental organisation in Khon Kaen, Thailand.",
        body="<h2>Our mandate</h2><p>Capacity building for regional cooperation.</p>",
    )


@pytest.fixture
def governance(about):
    return PageFactory(
        title="Governance",
        slug="governance",
        parent=about,
        standfirst="The Council and the Governing Board.",
        seo_description="How MI is governed by the six GMS countries.",
    )


def crumbs(page) -> list[tuple[str, str]]:
    data = page.structured("BreadcrumbList")
    return [(item["name"], item["item"]) for item in data["itemListElement"]]


def test_a_page_answers_at_its_nested_address_with_breadcrumbs_and_json_ld(client, governance):
    response = client.get("/about/governance/")
    assert response.status_code == 200
    page = read(response)
    assert page.h1() == ["Governance"]
    assert crumbs(page) == [
        ("Home", "http://testserver/"),
        ("About MI", "http://testserver/about/"),
        ("Governance", "http://testserver/about/governance/"),
    ]
    assert ("/about/", "About MI") in page.anchors  # the visible breadcrumbs
    web_page = page.structured("WebPage")
    assert web_page["url"] == "http://testserver/about/governance/"
    assert web_page["description"] == "How MI is governed by the six GMS countries."
    assert page.meta["description"] == "How MI is governed by the six GMS countries."
    assert page.link("canonical") == ["http://testserver/about/governance/"]
    assert "robots" not in page.meta


def test_the_body_is_rendered_as_rich_text_and_live_children_are_listed(client, governance):
    PageFactory(title="Council", parent=governance.parent, sort_order=1)
    response = client.get("/about/")
    html = response.content.decode()
    assert "<h2>Our mandate</h2><p>Capacity building for regional cooperation.</p>" in html
    page = read(response)
    children = [(href, text) for href, text in page.anchors if href.startswith("/about/")]
    assert children == [("/about/governance/", "Governance"), ("/about/council/", "Council")]
    assert "The Council and the Governing Board." in html


@pytest.mark.parametrize("state", NON_LIVE)
def test_a_page_that_is_not_live_is_not_found_and_listed_nowhere(client, about, state):
    hidden = PageFactory(title=f"LEAK{state} page", slug="hidden", parent=about,
                         **non_live_states()[state])  # fmt: skip
    MenuItemFactory(label=f"LEAK{state} menu", page=hidden)
    response = client.get("/about/hidden/")
    assert response.status_code == 404
    assert read(response).h1() == ["We could not find that page"]
    for url in ("/about/", "/", reverse("sitemap", kwargs={"section": "pages"})):
        assert "leak" not in client.get(url).content.decode().lower(), url


def test_an_archived_page_keeps_its_address_with_a_notice_and_leaves_every_list(client, about):
    archived = PageFactory(title="Annual Report 2015", slug="report-2015", parent=about,
                           status=Status.ARCHIVED)  # fmt: skip
    MenuItemFactory(label="Old report", page=archived)
    response = client.get("/about/report-2015/")
    assert response.status_code == 200
    assert "This page is archived" in response.content.decode()
    assert read(response).meta["robots"].startswith("noindex")
    assert "report-2015" not in client.get("/about/").content.decode()
    assert "Old report" not in client.get("/").content.decode()
    sitemap = client.get(reverse("sitemap", kwargs={"section": "pages"})).content.decode()
    assert "report-2015" not in sitemap and "http://testserver/about/" in sitemap


def test_a_live_page_under_a_draft_parent_names_no_draft_in_its_breadcrumbs(client, about):
    draft = PageFactory(title="LEAK draft parent", slug="draft", status=Status.DRAFT)
    PageFactory(title="Still public", slug="child", parent=draft)
    response = client.get("/draft/child/")
    assert response.status_code == 200
    assert "LEAK" not in response.content.decode()
    assert [name for name, _ in crumbs(read(response))] == ["Home", "Still public"]


def test_unknown_addresses_get_the_designed_404_and_the_sites_own_routes_still_win(client, about):
    for path in ("/no-such-page/", "/about/no-such-page/", "/news/a/b/", "/about/x.jpg/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert read(response).h1() == ["We could not find that page"]
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/news/").resolver_match.view_name == "news:article-list"
    assert client.get("/about").status_code == 301  # CommonMiddleware adds the slash


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("เกี่ยวกับสถาบัน", "ekiywkabsthaban"),
        ("ກ່ຽວກັບພວກເຮົາ", "kyvkabphvkehoa"),
        ("ကျွန်ုပ်တို့အကြောင်း", "kyvnuptiukrean"),
        ("អំពីយើង", "ampeiyaeung"),
        ("关于湄公河研究所", "guan-yu-mei-gong-he-yan-jiu-suo"),
        ("Giới thiệu về Viện", "gioi-thieu-ve-vien"),
    ],
)
def test_a_title_in_any_of_the_regions_scripts_gets_a_readable_address(client, about, title, slug):
    page = PageFactory(title=title, parent=about)
    assert page.slug == slug
    response = client.get(f"/about/{slug}/")
    reader = read(response)
    assert reader.h1() == [title]
    assert crumbs(reader)[-1] == (title, f"http://testserver/about/{slug}/")
    assert reader.structured("WebPage")["name"] == title


def test_a_script_in_the_title_or_body_never_runs(client, about):
    page = PageFactory(
        title='<script>alert("title")</script>',
        slug="xss",
        body='<p onclick="alert(1)">Hi<script>alert("body")</script></p>'
        '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>',
    )
    stored = Page.objects.get(pk=page.pk).body
    assert stored == '<p>Hi</p><a rel="noopener noreferrer">x</a><img src="x">'
    html = client.get("/xss/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;" in html
    assert "onclick" not in html and "onerror" not in html and "javascript:" not in html


def test_a_page_lists_its_documents_in_a_fixed_number_of_queries(
    client, about, django_assert_max_num_queries
):
    from tests.factories import DocumentFactory

    about.documents.add(DocumentFactory(title="Annual Report 2023", year=2023, language="th"))
    client.get(about.get_absolute_url())  # warm what Django caches for the process
    with django_assert_max_num_queries(20) as one:
        client.get(about.get_absolute_url())
    about.documents.add(*DocumentFactory.create_batch(5))
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(about.get_absolute_url())
    page = read(response)
    links = [href for href in page.hrefs() if href.startswith("/media/documents/")]
    assert len(links) == 6
    html = response.content.decode()
    assert "Annual Report 2023" in html and 'hreflang="th"' in html and "PDF, " in html
