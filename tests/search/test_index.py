"""The index follows every change, after the commit, and can be rebuilt or caught up."""

from django.core.management import call_command

from mi_site.search import index, signals
from tests.factories import ArticleFactory, CountryFactory, PageFactory, ThemeFactory


def test_a_save_is_indexed_when_the_transaction_commits(search, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        article = ArticleFactory(title="Irrigation canals")
    assert callbacks, "indexing waits for the commit"
    assert search("irrigation") == ["Irrigation canals"]
    with django_capture_on_commit_callbacks(execute=True):
        article.title = "Drainage canals"
        article.save()
    assert search("irrigation") == []
    assert search("drainage") == ["Drainage canals"]


def test_a_deleted_item_leaves_the_index(search):
    article = ArticleFactory(title="Irrigation canals")
    assert search("irrigation") == ["Irrigation canals"]
    article.delete()
    assert search("irrigation") == []


def test_links_and_renamed_names_are_followed(search):
    article = ArticleFactory(title="A story", body="<p>Nothing.</p>")
    country = CountryFactory(name="Atlantis", iso_code="QA")
    article.countries.add(country)
    theme = ThemeFactory(name="Blue economy")
    article.themes.add(theme)
    assert search("atlantis") == ["A story"]
    assert search("blue economy") == ["A story"]
    country.name = "Lemuria"
    country.save()
    theme.name = "Ocean economy"
    theme.save()
    assert search("lemuria") == ["A story"]
    assert search("ocean") == ["A story"]
    article.countries.remove(country)
    assert search("lemuria") == []


def test_rebuild_and_catch_up_fill_an_empty_index(search, capsys):
    ArticleFactory(title="Irrigation canals")
    PageFactory(title="Irrigation policy")
    signals._work("default").clear()  # as after a bulk insert: nothing was indexed
    assert search("irrigation") == []
    assert index.catch_up() == 2
    assert sorted(search("irrigation")) == ["Irrigation canals", "Irrigation policy"]
    ArticleFactory(title="Irrigation pumps")
    signals._work("default").clear()  # left for the rebuild to find
    call_command("rebuild_search_index")
    assert "Search index:" in capsys.readouterr().out
    assert "Irrigation pumps" in search("irrigation")
    assert index.catch_up() == 0
