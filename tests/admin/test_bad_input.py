"""Bad input in the admin: a clear message on the form, never a 500, nothing typed lost.

Every POST carries the full form a browser would send (inline management forms included),
read from the page itself by `form_data()`.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from images.models import Image
from news.models import Article
from programs.models import Country, Department, Program
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
)
from tests.factories.images import library_image

from .formdata import form_data

TITLE = "Regional workshop on labour migration"
BODY = "<p>Officials from six countries met in Mae Sot.</p>"


def post_form(client, url, **changes):
    return client.post(url, form_data(client.get(url), **changes))


def assert_kept_with_message(response, message: str, **typed):
    """The form came back (200) with `message`, and every typed value is still in it."""
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    form = response.context["adminform"].form
    for field, value in typed.items():
        assert form[field].value() == value, field


@pytest.mark.django_db
def test_event_ending_before_it_starts(client, login):
    login("Editors")
    response = post_form(client, reverse("admin:news_article_add"), title=TITLE, body=BODY,
                         event_start="2025-03-12", event_end="2025-03-10")  # fmt: skip
    assert_kept_with_message(response, "The event cannot end before it starts.",
                             title=TITLE, body=BODY, event_end="2025-03-10")  # fmt: skip
    assert not Article.objects.filter(title=TITLE).exists()


@pytest.mark.django_db
def test_program_ending_before_it_starts(client, login):
    login("Editors")
    title = "Labour migration capacity program"
    response = post_form(client, reverse("admin:programs_program_add"), title=title, body=BODY,
                         start_date="2024-01-01", end_date="2023-12-31")  # fmt: skip
    assert_kept_with_message(response, "The end date cannot be before the start date.",
                             title=title, body=BODY)  # fmt: skip
    assert not Program.objects.filter(title=title).exists()


@pytest.mark.django_db
def test_expiry_before_publish_time(client, login):
    article = ArticleFactory(status="draft", publish_at=None)
    login("Publishers")
    url = reverse("admin:news_article_change", args=[article.pk])
    response = post_form(client, url, title=TITLE, body=BODY, status="published",
                         publish_at_0="2025-03-12", publish_at_1="09:00:00",
                         expire_at_0="2025-03-11", expire_at_1="09:00:00")  # fmt: skip
    assert_kept_with_message(response, "The expiry time must be after the publish time.",
                             title=TITLE, body=BODY)  # fmt: skip
    article.refresh_from_db()
    assert article.status == "draft"


@pytest.mark.django_db
def test_a_slug_another_article_uses(client, login):
    taken = ArticleFactory(slug="workshop-mae-sot")
    login("Editors")
    response = post_form(client, reverse("admin:news_article_add"), title=TITLE, body=BODY,
                         slug="workshop-mae-sot")  # fmt: skip
    assert_kept_with_message(response, "Another item already uses this address.",
                             title=TITLE, body=BODY, slug="workshop-mae-sot")  # fmt: skip
    assert list(Article.objects.filter(slug="workshop-mae-sot")) == [taken]


@pytest.mark.django_db
def test_a_slug_another_program_uses(client, login):
    ProgramFactory(slug="mekong-migration")
    login("Editors")
    response = post_form(client, reverse("admin:programs_program_add"), title="Another",
                         slug="mekong-migration")  # fmt: skip
    assert_kept_with_message(response, "Another item already uses this address.",
                             title="Another")  # fmt: skip


@pytest.mark.django_db
def test_hero_image_without_alt_text(client, login):
    login("Editors")
    url = reverse("admin:news_article_add")
    image = library_image("field-visit.jpg")
    response = post_form(client, url, title=TITLE, body=BODY, hero_image=image.pk)
    assert_kept_with_message(
        response, "The hero image \u201cfield visit\u201d has no alternative text", title=TITLE,
        body=BODY,
    )  # fmt: skip
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_program_hero_image_without_alt_text(client, login):
    login("Editors")
    url = reverse("admin:programs_program_add")
    response = post_form(client, url, title="Program", hero_image=library_image().pk)
    assert_kept_with_message(response, "has no alternative text", title="Program")
    assert not Program.objects.exists()


@pytest.mark.django_db
def test_a_file_that_is_not_an_image(client, login):
    login("Editors")
    fake = SimpleUploadedFile("photo.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                              content_type="image/jpeg")  # fmt: skip
    response = post_form(client, reverse("admin:images_image_add"), title="Logo", file=fake,
                         alt_text="A picture")  # fmt: skip
    assert response.status_code == 200
    assert "SVG images are not accepted" in response.content.decode()
    assert response.context["adminform"].form["title"].value() == "Logo"
    assert not Image.objects.exists()


@pytest.mark.django_db
def test_a_tag_longer_than_the_database_allows(client, login):
    """On PostgreSQL this was a DataError (500) after the article itself had been saved."""
    login("Editors")
    tags = "labour migration, " + "x" * 101
    response = post_form(client, reverse("admin:news_article_add"), title=TITLE, tags=tags)
    assert_kept_with_message(response, "Tags may be at most 100 characters long", title=TITLE)
    assert 'value="labour migration, xxx' in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_same_partner_twice_in_the_same_role(client, login):
    partner = PartnerFactory()
    login("Editors")
    url = reverse("admin:programs_program_add")
    rows = {"partner_roles-TOTAL_FORMS": "2"}
    for n in range(2):
        rows |= {f"partner_roles-{n}-partner": str(partner.pk), f"partner_roles-{n}-role": "funder"}
    response = post_form(client, url, title="Partnered program", **rows)
    assert response.status_code == 200
    assert "Please correct the duplicate data" in response.content.decode()
    assert not Program.objects.exists()


@pytest.mark.django_db
def test_the_same_program_twice_on_a_profile(client, login):
    program = ProgramFactory()
    login("Editors")
    url = reverse("admin:people_person_add")
    rows = {"memberships-TOTAL_FORMS": "2"}
    for n in range(2):
        rows |= {f"memberships-{n}-program": str(program.pk), f"memberships-{n}-role": "member"}
    response = post_form(client, url, display_name="Somchai Jaidee", **rows)
    assert_kept_with_message(response, "Please correct the duplicate data",
                             display_name="Somchai Jaidee")  # fmt: skip


@pytest.mark.django_db
def test_a_country_code_in_lower_case_that_exists(client, login):
    login("Publishers")
    response = post_form(client, reverse("admin:programs_country_add"), name="Laos",
                         iso_code="la")  # fmt: skip
    assert_kept_with_message(response, "Country with this ISO code already exists.", name="Laos")
    assert Country.objects.filter(iso_code="LA").count() == 1


@pytest.mark.django_db
def test_a_department_that_is_not_an_id(client, login):
    """Re-rendering the form, the autocomplete widget looked `abc` up: a ValueError, a 500."""
    login("Editors")
    url = reverse("admin:news_article_add")
    response = post_form(client, url, title=TITLE, department="abc")
    assert_kept_with_message(response, "Select a valid choice.", title=TITLE)
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_nul_character_typed_into_an_autocomplete(client, login):
    """PostgreSQL refuses NUL in any string: the search reached it and answered 500."""
    login("Editors")
    params = {"app_label": "news", "model_name": "article", "field_name": "department"}
    response = client.get(reverse("admin:autocomplete"), {**params, "term": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


# --- A department that published content still uses --------------------------------------


@pytest.fixture
def department_in_use():
    department = DepartmentFactory(name="Sustainable Energy and Environment")
    ArticleFactory(department=department, title="Solar villages in Lao PDR")
    ProgramFactory(department=department, title="Mekong energy program")
    PersonFactory(department=department, display_name="Guohua Liu")
    return department


def assert_protected_page(response, department):
    html = response.content.decode()
    assert response.status_code == 200
    assert "would require deleting the following protected related objects" in html
    for name in ("Solar villages in Lao PDR", "Mekong energy program", "Guohua Liu"):
        assert name in html
    assert Department.objects.filter(pk=department.pk).exists()


@pytest.mark.django_db
def test_deleting_a_department_in_use_says_why_not(client, login, department_in_use):
    login("Publishers")
    url = reverse("admin:programs_department_delete", args=[department_in_use.pk])
    assert_protected_page(client.get(url), department_in_use)
    assert_protected_page(client.post(url, {"post": "yes"}), department_in_use)


@pytest.mark.django_db
def test_bulk_deleting_a_department_in_use_says_why_not(client, login, department_in_use):
    login("Publishers")
    unused = DepartmentFactory(name="Department nobody uses")
    data = {"action": "delete_selected", "_selected_action": [department_in_use.pk, unused.pk]}
    url = reverse("admin:programs_department_changelist")
    assert_protected_page(client.post(url, data), department_in_use)
    assert_protected_page(client.post(url, {**data, "post": "yes"}), department_in_use)
    assert Department.objects.filter(pk=unused.pk).exists()


@pytest.mark.django_db
def test_an_unused_department_can_be_deleted(client, login):
    department = DepartmentFactory()
    login("Publishers")
    url = reverse("admin:programs_department_delete", args=[department.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert not Department.objects.filter(pk=department.pk).exists()
