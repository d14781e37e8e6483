"""Every old address of an imported item answers 301 to its new address: WordPress's
`/?p=` and `/?page_id=`, its permalink path, its old slugs and its TYPO3 address, with or
without tracking parameters."""

import pytest

from mi_site.core.models import Redirect
from mi_site.pages.models import Page
from news.models import Article

pytestmark = pytest.mark.django_db

THAI_PATH = "/%e0%b8%81%e0%b8%b2%e0%b8%a3%e0%b8%9b%e0%b8%a3%e0%b8%b0%e0%b8%8a%e0%b8%b8%e0%b8%a1/"
TYPO3 = "/news-activities/news-details/2014/12/14/mekong-institute-hol-1/"
OLD_ADDRESSES = [
    (Article, 101, "/?p=101"),
    (Article, 101, "/?p=101&utm_source=newsletter&utm_medium=email"),
    (Article, 101, "/mi-holds-workshop-on-regional-migration-management/"),
    (Article, 101, "/mi-holds-workshop-on-regional-migration-management"),
    (Article, 101, "/mi-workshop-migration/"),  # _wp_old_slug
    (Article, 101, TYPO3),
    (Article, 101, TYPO3 + "?cHash=9f8e7d6c5b4a&utm_source=facebook"),
    # The TYPO3 address given as a full URL on the archive host keeps its path.
    (Article, 102, "/news-activities/news-details/2016/03/01/food-safety-train/"),
    (Article, 102, "/food-safety-training-in-vientiane/"),
    (Article, 103, THAI_PATH),
    (Article, 103, "/?p=103"),
    (Article, 104, "/?p=104"),  # no slug: its permalink was /?p=104
    (Article, 105, "/mekong-forum-2019/"),
    (Article, 106, "/mekong-forum-2019-2/"),
    (Page, 50, "/?page_id=50"),
    (Page, 50, "/who-we-are/about-mi/"),  # TYPO3
    (Page, 51, "/?page_id=51"),
    (Page, 52, "/?page_id=52"),
]


@pytest.mark.parametrize(("model", "wordpress_id", "old"), OLD_ADDRESSES)
def test_an_old_address_answers_301_to_the_item(imported, client, model, wordpress_id, old):
    item = model.objects.get(wordpress_id=wordpress_id)
    response = client.get(old)
    assert response.status_code == 301, old
    assert response["Location"] == item.get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


def test_a_page_at_the_same_path_as_before_answers_there_directly(imported, client):
    for path in ["/who-we-are/", "/who-we-are/governance/", "/events/25th-anniversary/"]:
        response = client.get(path)
        assert response.status_code == 200, path
    assert not Redirect.objects.filter(old_path="/who-we-are/governance").exists()


def test_a_drafts_old_address_does_not_reveal_it(imported, client):
    draft = Article.objects.get(wordpress_id=110)
    assert Redirect.objects.filter(old_path="/staff-retreat", object_id=str(draft.pk)).exists()
    assert client.get("/staff-retreat/").status_code == 404
    response = client.get("/?p=108")
    assert response.status_code == 200  # the home page, as for any unknown ?p=
    assert draft.title not in response.content.decode()


def test_the_redirects_are_automatic_and_point_at_the_item(imported):
    item = Article.objects.get(wordpress_id=101)
    redirects = Redirect.objects.filter(object_id=str(item.pk), content_type__model="article")
    assert {r.old_address for r in redirects} == {
        "/?p=101",
        "/mi-holds-workshop-on-regional-migration-management",
        "/mi-workshop-migration",
        TYPO3.rstrip("/"),
    }
    assert all(r.automatic and r.permanent for r in redirects)


def test_a_redirect_an_editor_made_is_kept(run_import):
    Redirect.objects.create(old_path="/mi-workshop-migration", target_path="/news/")
    summary = run_import()
    assert Redirect.objects.get(old_path="/mi-workshop-migration").target_path == "/news/"
    assert "post 101: /mi-workshop-migration/: kept the redirect an editor made" in summary
