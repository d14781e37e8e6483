"""The redirects table in the admin: publishers add and correct redirects, editors may only
read them; bad addresses, duplicates and loops are refused with a message, losing nothing."""

import pytest
from django.urls import reverse

from mi_site.core import redirects
from mi_site.core.models import Redirect
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
ADD = reverse("admin:core_redirect_add")
LIST = reverse("admin:core_redirect_changelist")


def post_add(client, **typed):
    return client.post(ADD, form_data(client.get(ADD), **typed))


def test_a_publisher_adds_a_redirect_to_an_item_by_typing_its_address(client, login):
    article = ArticleFactory(slug="mekong-institute-holds-workshop")
    login("Publishers")
    response = post_add(
        client,
        old_address="/news-activities/news-details/2014/12/14/mekong-institute-hol-1/",
        new_address="/news/mekong-institute-holds-workshop/",
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    row = Redirect.objects.get()
    assert (row.item, row.target_path, row.permanent) == (article, "", True)
    # It follows the article when its address changes again.
    article.slug = "mi-workshop-2014"
    article.save()
    old = client.get("/news-activities/news-details/2014/12/14/mekong-institute-hol-1/")
    assert old["Location"] == "/news/mi-workshop-2014/"

    listing = client.get(LIST, {"q": "mekong-institute-hol"}).content.decode()
    assert "/news/mi-workshop-2014/" in listing and "mekong-institute-hol-1" in listing


def test_a_publisher_adds_a_wordpress_query_address(client, login):
    login("Publishers")
    response = post_add(client, old_address="/?p=15411&utm_source=fb", new_address="/news/")
    assert response.status_code == 302
    row = Redirect.objects.get()
    assert (row.old_path, row.old_query, row.target_path) == ("/", "p=15411", "/news/")
    edit = client.get(reverse("admin:core_redirect_change", args=[row.pk])).content.decode()
    assert 'value="/?p=15411"' in edit  # the whole old address, so saving again keeps it


@pytest.mark.parametrize(
    "typed,field,message",
    [
        ({"old_address": "/old/", "new_address": "/old"}, "new_address", "round in a loop"),
        ({"old_address": "/old/", "new_address": "javascript:alert(1)"}, "new_address",
         "must be a path"),
        ({"old_address": "/old/", "new_address": "//evil.example/"}, "new_address",
         "must be a path"),
        ({"old_address": "   ", "new_address": "/news/"}, "old_address", "required"),
        ({"old_address": "/taken/", "new_address": "/news/"}, "old_address", "exists already"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message_and_the_typed_values_kept(
    client, login, typed, field, message
):
    redirects.add("/taken/", "/programs/")
    login("Publishers")
    response = post_add(client, **typed)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert message in str(form.errors[field])
    assert form["new_address"].value() == typed["new_address"]
    assert Redirect.objects.count() == 1


def test_adding_a_redirect_onto_a_redirected_address_collapses_the_chain(client, login):
    redirects.add("/old-news/", "/archive/")
    login("Publishers")
    assert post_add(client, old_address="/archive/", new_address="/news/").status_code == 302
    assert client.get("/old-news/")["Location"] == "/news/"
    assert client.get("/archive/")["Location"] == "/news/"


def test_an_editor_reads_the_redirects_but_cannot_change_them(client, login):
    row = redirects.add("/?p=15411", ArticleFactory())
    login("Editors")
    assert client.get(LIST).status_code == 200
    change = reverse("admin:core_redirect_change", args=[row.pk])
    page = client.get(change).content.decode()
    assert 'name="new_address"' not in page  # read-only view
    assert client.get(ADD).status_code == 403
    assert client.post(change, {"old_address": "/x/", "new_address": "/"}).status_code == 403
    assert client.post(reverse("admin:core_redirect_delete", args=[row.pk]),
                       {"post": "yes"}).status_code == 403  # fmt: skip
    assert Redirect.objects.filter(pk=row.pk, old_query="p=15411").exists()


def test_the_list_shows_each_redirects_use_in_a_fixed_number_of_queries(
    client, login, django_assert_max_num_queries
):
    login("Publishers")
    for n in range(3):
        redirects.add(f"/old-{n}/", ArticleFactory())
    client.get(LIST)
    with django_assert_max_num_queries(30) as few:
        client.get(LIST)
    for n in range(3, 40):
        redirects.add(f"/old-{n}/", ArticleFactory())
        redirects.add(f"/other-{n}/", "/news/")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(LIST).content.decode()
    assert "/old-39" in page
