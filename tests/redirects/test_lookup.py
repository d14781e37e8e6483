"""The redirects table answers only where the site has nothing: a 404, or the home page asked
for an old WordPress `/?p=` address. Query strings match on the parameters that matter."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mi_site.core import redirects
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def redirect_queries(queries) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if "core_redirect" in q["sql"]]


def test_a_page_that_exists_never_looks_up_the_redirects(client):
    article = ArticleFactory()
    redirects.add(article.get_absolute_url() + "?utm_source=x", "/news/")
    for path in (article.get_absolute_url(), "/", "/news/", "/news/?page=1"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200, path
        assert redirect_queries(queries) == [], path


def test_a_404_looks_up_once_and_stays_a_404_when_nothing_matches(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/news-activities/nothing-here/").status_code == 404
    assert len(redirect_queries(queries)) == 1


def test_wordpress_post_ids_on_the_home_page_redirect(client):
    article = ArticleFactory()
    redirects.add("/?p=15411", article)
    response = client.get("/", {"p": "15411", "utm_medium": "email", "fbclid": "abc"})
    assert (response.status_code, response["Location"]) == (301, article.get_absolute_url())
    assert client.get("/", {"p": "99999"}).status_code == 200  # unknown: the home page
    assert client.get("/", {"p": "15411", "page_id": "7"}).status_code == 200  # not that one


def test_typo3_list_addresses_match_on_their_own_parameters_and_ignore_chash(client):
    redirects.add("/news-activities/?tx_ttnews[cat]=9&cHash=1f2e", "/themes/trade/")
    query = {"tx_ttnews[cat]": "9", "cHash": "a9b8c7"}
    assert client.get("/news-activities/", query)["Location"] == "/themes/trade/"
    assert client.get("/news-activities/", {"tx_ttnews[cat]": "4"}).status_code == 404


def test_a_bare_path_answers_whatever_its_query_and_a_query_match_comes_first(client):
    redirects.add("/what-we-do/", "/programs/")
    redirects.add("/what-we-do/?tab=completed", "/programs/#completed")
    assert client.get("/what-we-do/", {"tab": "x"})["Location"] == "/programs/"
    assert client.get("/what-we-do/", {"tab": "completed"})["Location"] == "/programs/#completed"


def test_addresses_in_any_script_and_with_percent_encoding(client):
    article = ArticleFactory()
    redirects.add("/ข่าว/การประชุม/", article)
    assert client.get("/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%E0%B8%81%E0%B8%B2%E0%B8%A3"
                      "%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B8%E0%B8%A1/"
                      )["Location"] == article.get_absolute_url()  # fmt: skip


def test_a_temporary_redirect_is_a_302_and_an_outside_address_is_kept(client):
    redirects.add("/jobs/", "https://careers.mekonginstitute.org/", permanent=False)
    response = client.get("/jobs/")
    assert (response.status_code, response["Location"]) == (
        302,
        "https://careers.mekonginstitute.org/",
    )


def test_a_full_address_of_the_old_archive_host_is_stored_as_its_path():
    row = redirects.add(
        "https://archive.mekonginstitute.org/news-activities/news-details/2014/12/14/"
        "mekong-institute-hol-1/",
        "/news/",
    )
    assert row.old_path == "/news-activities/news-details/2014/12/14/mekong-institute-hol-1"


def test_only_get_and_head_are_redirected(client):
    redirects.add("/old-form/", "/news/")
    assert client.head("/old-form/").status_code == 301
    assert client.post("/old-form/").status_code != 301


def test_the_database_failing_during_the_lookup_leaves_the_404(client, monkeypatch):
    from django.db import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(redirects, "find", broken)
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.parametrize(
    "address,expected",
    [
        ("/a/b/", ("/a/b", "")),
        ("a/b", ("/a/b", "")),
        ("/", ("/", "")),
        ("//double//slash/", ("/double/slash", "")),
        ("/?p=1&utm_source=x&UTM_Campaign=y", ("/", "p=1")),
        ("/x/?b=2&a=1", ("/x", "a=1&b=2")),
        ("/x/?cHash=abc&gclid=1", ("/x", "")),
    ],
)
def test_old_addresses_are_stored_in_one_normal_form(address, expected):
    assert redirects.split(address) == expected


@pytest.mark.parametrize("address", ["", "   ", "/a\x00b", "/" + "x" * 600])
def test_addresses_that_cannot_be_stored_are_refused_with_a_reason(address):
    with pytest.raises(redirects.BadAddress):
        redirects.split(address)
