"""Small things an editor tripped on: tags shown without quotes and split only at commas, the
program's phase named apart from its publishing state, a chosen file that a failed save
cannot keep, and one plain sentence about time zones instead of a warning on every field."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from news.models import Article
from tests.factories import ArticleFactory, ProgramFactory
from tests.factories.images import image_file

from .formdata import form_data

pytestmark = pytest.mark.django_db


def tags_value(response) -> str:
    return re.search(
        r'name="tags" value="([^"]*)"', response.content.decode().replace("&quot;", "'")
    ).group(1)


def test_tags_show_without_quotes_and_a_save_keeps_them(client, login):
    login("Publishers")
    article = ArticleFactory()
    article.tags.add("food safety", "ความปลอดภัยอาหาร", "Lao PDR, Vientiane")
    url = reverse("admin:news_article_change", args=[article.pk])
    page = client.get(url)
    assert tags_value(page) == "'Lao PDR, Vientiane', food safety, ความปลอดภัยอาหาร"
    assert client.post(url, form_data(page)).status_code == 302
    assert sorted(article.tags.names()) == sorted(["food safety", "ความปลอดภัยอาหาร",
                                                   "Lao PDR, Vientiane"])  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "tags"),
    [
        ("rice trade", ["rice trade"]),
        ("rice trade, food safety", ["food safety", "rice trade"]),
        ("ການຄ້າ ຂ້າວ", ["ການຄ້າ ຂ້າວ"]),
        ('"Lao PDR, Vientiane", rice', ["Lao PDR, Vientiane", "rice"]),
        (" , ,", []),
    ],
)
def test_tags_are_separated_by_commas_only(client, login, typed, tags):
    login("Editors")
    add = reverse("admin:news_article_add")
    client.post(add, form_data(client.get(add), title="Tagged story", tags=typed))
    assert sorted(Article.objects.get(title="Tagged story").tags.names()) == tags


def test_the_program_form_names_the_phase_apart_from_the_publishing_state(client, login):
    login("Publishers")
    page = client.get(reverse("admin:programs_program_change", args=[ProgramFactory().pk]))
    labels = re.findall(r"<label[^>]*>([^<]+)</label>", page.content.decode())
    assert "Phase:" in labels
    assert not any(label.strip() in ("Status:", "Program status:") for label in labels)


def test_a_failed_save_says_the_chosen_image_must_be_chosen_again(client, login):
    login("Editors")
    add = reverse("admin:images_image_add")
    data = form_data(client.get(add), title="Workshop", alt_text="IMG_1234.jpg")
    data["file"] = image_file()
    response = client.post(add, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "choose it again before you save" in page
    assert "This looks like a file name, not a description." in page
    assert response.context["adminform"].form["title"].value() == "Workshop"


def test_date_fields_name_the_time_zone_once_instead_of_warning(client, login):
    login("Publishers")
    page = client.get(reverse("admin:news_article_add")).content.decode()
    assert "Times are Bangkok time (UTC+07:00)." in page
    assert "admin_site/admin.css" in page
    stylesheet = (settings.BASE_DIR / "static" / "admin_site" / "admin.css").read_text()
    assert ".timezonewarning { display: none; }" in stylesheet
