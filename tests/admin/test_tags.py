"""Tags in the admin: editors merge them; nobody without tag permissions can."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tests.factories.tags import TagFactory

CHANGELIST = reverse("admin:taggit_tag_changelist")
MERGE = reverse("admin:taggit_tag_merge_tags")


@pytest.fixture
def two_spellings():
    article = ArticleFactory()
    article.tags.add(TagFactory(name="labor migration"), TagFactory(name="labour migration"))
    return article


@pytest.mark.django_db
def test_editor_merges_two_spellings_of_a_tag(client, login, two_spellings):
    login("Editors")
    ids = [str(tag.pk) for tag in two_spellings.tags.all()]
    response = client.post(CHANGELIST, {"action": "render_tag_form", "_selected_action": ids})
    assert response.status_code == 302
    assert client.post(MERGE, {"new_tag_name": "labour migration"}).status_code == 302
    assert list(two_spellings.tags.names()) == ["labour migration"]


@pytest.mark.django_db
def test_the_tag_list_says_how_often_each_tag_is_used(client, login, two_spellings):
    ArticleFactory().tags.add("labour migration")
    login("Editors")
    html = client.get(CHANGELIST).content.decode()
    assert '<td class="field-uses">2</td>' in html
    assert '<td class="field-uses">1</td>' in html


@pytest.mark.django_db
def test_site_administrator_cannot_merge_tags(client, login, two_spellings):
    login("Site administrators")
    session = client.session
    session["selected_tag_ids"] = ",".join(str(tag.pk) for tag in two_spellings.tags.all())
    session.save()
    assert client.post(MERGE, {"new_tag_name": "anything"}).status_code == 403
    assert sorted(two_spellings.tags.names()) == ["labor migration", "labour migration"]


@pytest.mark.django_db
def test_merge_page_without_a_selection_explains(client, login):
    login("Editors")
    response = client.post(MERGE, {"new_tag_name": "anything"}, follow=True)
    assert response.status_code == 200
    assert "Select the tags to merge first." in response.content.decode()


@pytest.mark.django_db
def test_merging_a_tag_into_itself_changes_nothing(client, login, two_spellings):
    login("Editors")
    target = two_spellings.tags.get(name="labour migration")
    client.post(CHANGELIST, {"action": "render_tag_form", "_selected_action": [target.pk]})
    response = client.post(MERGE, {"new_tag_name": "labour migration"}, follow=True)
    assert "Select at least one other tag" in response.content.decode()
    assert sorted(two_spellings.tags.names()) == ["labor migration", "labour migration"]
