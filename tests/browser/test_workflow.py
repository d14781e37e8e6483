"""An editor's and a publisher's day in a real browser: submit, review, publish; the refusal
of a lost update with the typed text kept; changelists that fit a 1280 px screen."""

import pytest
from django.urls import reverse

from mi_site.core.publishing import State, Status
from news.models import Article
from tests.factories import ArticleFactory, PersonFactory, ProgramFactory

from .conftest import PASSWORD

WIDE = {"width": 1280, "height": 800}


def sign_in(page, user):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


@pytest.fixture
def new_page(browser, live_server):
    """`new_page()`: another person's browser, signed in separately."""
    contexts = []

    def open_page():
        context = browser.new_context(base_url=live_server.url, viewport=WIDE)
        # Generous: CI runs these beside the rest of the suite on two cores.
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_an_editor_submits_and_a_publisher_publishes_in_four_clicks(new_page, role_user):
    editor = role_user("Editors", username="ann", password=PASSWORD)
    publisher = role_user("Publishers", username="pim", password=PASSWORD)
    writing = new_page()
    sign_in(writing, editor)
    writing.goto(reverse("admin:news_article_add"))
    writing.fill("#id_title", "Mekong-Lancang railway workshop in Kunming")
    writing.fill("#id_standfirst", "Officials from six countries met in Kunming.")
    with writing.expect_navigation():
        writing.click("input[name=_submit]")  # click 1 (editor)
    article = Article.objects.get(title__startswith="Mekong-Lancang")
    assert article.status == Status.REVIEW

    reviewing = new_page()
    sign_in(reviewing, publisher)
    reviewing.click("#waiting-for-review a")  # click 1 (publisher)
    reviewing.click(f"text={article.title}")  # click 2
    with reviewing.expect_navigation():
        reviewing.click("input[name=_publish]")  # click 3
    assert "/admin/news/article/" in reviewing.url and "/change/" not in reviewing.url
    assert "is now live" in reviewing.content()
    article.refresh_from_db()
    assert article.state == State.LIVE
    reader = new_page()
    reader.goto(article.get_absolute_url())
    assert reader.locator("h1").inner_text() == article.title


def test_the_second_of_two_saves_is_refused_and_keeps_what_was_typed(new_page, role_user):
    article = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Border trade")
    standfirst = article.standfirst
    url = reverse("admin:news_article_change", args=[article.pk])
    first, second = new_page(), new_page()
    sign_in(first, role_user("Editors", username="ann", password=PASSWORD))
    sign_in(second, role_user("Editors", username="bo", password=PASSWORD))
    first.goto(url)
    second.goto(url)

    first.fill("#id_title", "Border trade in Mae Sot")
    first.click("input[name=_save]")
    first.wait_for_url("**/admin/news/article/")
    second.fill("#id_standfirst", "A paragraph Bo spent ten minutes on.")
    second.click("input[name=_save]")

    second.wait_for_selector(".errornote")
    assert "ann changed this item on" in second.content()
    assert second.input_value("#id_standfirst") == "A paragraph Bo spent ten minutes on."
    article.refresh_from_db()
    assert (article.title, article.standfirst) == ("Border trade in Mae Sot", standfirst)


@pytest.mark.parametrize("factory", [ArticleFactory, ProgramFactory, PersonFactory],
                         ids=["articles", "programs", "people"])  # fmt: skip
def test_every_column_of_the_changelists_fits_1280_px(new_page, role_user, factory):
    for _ in range(3):
        factory()
    factory(status=Status.DRAFT, publish_at=None)
    page = new_page()
    sign_in(page, role_user("Publishers", password=PASSWORD))
    opts = factory._meta.model._meta
    page.goto(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    headers = page.locator("#result_list thead th")
    assert headers.nth(1).inner_text().strip().lower() == "state"  # after the checkbox
    outside = page.evaluate("""() => [...document.querySelectorAll('#result_list thead th')]
        .filter(th => th.getBoundingClientRect().right > window.innerWidth)
        .map(th => th.innerText.trim())""")
    assert outside == []
    first_row = page.locator("#result_list tbody tr").first.inner_text()
    assert "Draft" in first_row, "the newest change, a draft, comes first"
