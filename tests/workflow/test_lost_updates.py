"""Two people edit the same item: the second save is refused, names who changed it and when,
and keeps everything the second person typed."""

import pytest

from tests.admin.formdata import form_data
from tests.factories import ArticleFactory, PageFactory, ProgramFactory

from .conftest import change_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "factory", [ArticleFactory, ProgramFactory, PageFactory], ids=["article", "program", "page"]
)
def test_the_second_of_two_saves_is_refused_with_the_typed_text_kept(factory, publisher, role_user):
    item = factory(title="Rice value chains")
    url = change_url(item)
    first, second = signed_in(publisher), signed_in(role_user("Publishers", username="kim"))
    first_form, second_form = first.get(url), second.get(url)

    assert (
        first.post(url, form_data(first_form, title="Rice value chains in Laos")).status_code == 302
    )
    response = second.post(url, form_data(second_form, title="Rice value chains (2025)"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "pim changed this item on" in page
    assert "Nothing was saved" in page
    assert response.context["adminform"].form["title"].value() == "Rice value chains (2025)"
    item.refresh_from_db()
    assert item.title == "Rice value chains in Laos"

    # Saving again, having seen the message, replaces the other version on purpose.
    again = second.post(url, form_data(response, title="Rice value chains (2025)"))
    assert again.status_code == 302
    item.refresh_from_db()
    assert item.title == "Rice value chains (2025)"


def test_an_editors_change_waiting_for_review_also_counts(editor, publisher):
    item = ArticleFactory(title="Border trade")
    url = change_url(item)
    publishing = signed_in(publisher)
    stale = publishing.get(url)
    assert (
        signed_in(editor)
        .post(url, form_data(signed_in(editor).get(url), title="Border trade in Mae Sot"))
        .status_code
        == 302
    )
    response = publishing.post(url, form_data(stale, standfirst="Overwrites nothing."))
    assert response.status_code == 200
    assert "ann changed this item" in response.content.decode()


def test_saving_the_form_one_opened_is_never_refused(publisher):
    item = ArticleFactory()
    client = signed_in(publisher)
    for title in ("One", "Two", "Three"):
        url = change_url(item)
        assert client.post(url, form_data(client.get(url), title=title)).status_code == 302
    item.refresh_from_db()
    assert item.title == "Three"
