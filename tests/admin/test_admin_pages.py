"""Every admin page renders for every role that may see it, and answers 403 to the others.

The sweep walks `admin.site._registry`, so a model registered later is covered (or fails the
"every registered model has an example" test until it gets one here).
"""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse
from taggit.models import Tag

from documents.models import Document
from images.models import Image
from mi_site.core import audit, redirects
from mi_site.core.models import Action, AuditEntry, Redirect
from mi_site.core.publishing import State
from mi_site.pages.models import MenuItem, Page, SiteFooter
from news.models import Article
from people.models import Person
from programs.models import Country, Department, Partner, Program, Theme
from tests.factories import (
    ArticleFactory,
    CountryFactory,
    DepartmentFactory,
    DocumentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
    ThemeFactory,
    UserFactory,
)
from tests.factories.images import library_image
from tests.factories.pages import MenuItemFactory, PageFactory, SocialLinkFactory

from .conftest import ROLE_NAMES

ROLES = [*ROLE_NAMES, "superuser"]
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def a_program():
    program = ProgramFactory(hero_image=library_image(), hero_alt="Participants at a workshop")
    program.tags.add("labour migration")
    ProgramPartnerFactory(program=program)
    ProgramMembershipFactory(program=program)
    return program


def an_article():
    article = ArticleFactory(hero_image=library_image(), hero_alt="Participants at a workshop")
    article.tags.add("labour migration")
    article.programs.add(ProgramFactory())
    article.countries.add(Country.objects.get(iso_code="TH"))
    article.people.add(PersonFactory())
    article.themes.add(ThemeFactory())
    return article


# One realistic example per registered model, with its relations filled so inlines, thumbnails
# and autocomplete widgets render too.
EXAMPLES = {
    Article: an_article,
    Program: a_program,
    Person: lambda: ProgramMembershipFactory(person__photo=library_image()).person,
    Department: DepartmentFactory,
    Theme: ThemeFactory,
    Country: CountryFactory,
    Partner: lambda: PartnerFactory(logo=library_image("logo.png", "PNG")),
    Tag: lambda: an_article().tags.get(),
    User: lambda: UserFactory(first_name="Somchai"),
    AuditEntry: lambda: audit.record(UserFactory(), Action.PUBLISH, an_article()),
    Group: lambda: Group.objects.get(name="Editors"),
    Document: DocumentFactory,
    Image: lambda: library_image(alt_text="Officials at a workshop in Khon Kaen"),
    Page: lambda: PageFactory(
        parent=PageFactory(), hero_image=library_image(), hero_alt="The MI building in Khon Kaen"
    ),
    MenuItem: lambda: MenuItemFactory(page=PageFactory()),
    SiteFooter: lambda: SocialLinkFactory().footer,
    Redirect: lambda: redirects.add("/?p=15411", an_article()),
    AccessAttempt: lambda: a_locked_out_login(),
}


def a_locked_out_login():
    return AccessAttempt.objects.create(
        username="somchai", ip_address="203.0.113.9", user_agent="Firefox", http_accept="*/*",
        path_info="/admin/login/", get_data="", post_data="username=somchai",
        failures_since_start=5,
    )  # fmt: skip


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def may(user, action: str, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")


def assert_branded(response):
    title = re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)
    assert title.strip().endswith("| MI Site"), title
    assert "MI Site administration" in response.content.decode()
    assert "Django administration" not in response.content.decode()


def test_every_registered_model_has_an_example():
    assert set(MODELS) == set(EXAMPLES)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_changelist_add_and_change_pages(client, login, role, model):
    obj = EXAMPLES[model]()
    user = login(role)
    may_view = may(user, "view", model) or may(user, "change", model)

    pages = {
        "changelist": (admin_url(model, "changelist"), may_view),
        # The audit log is written by the system only: no role may add to it.
        # There is one site footer, and the example made it: no second one can be added.
        # Failed logins are recorded by the login itself.
        "add": (
            admin_url(model, "add"),
            may(user, "add", model) and model not in (AuditEntry, SiteFooter, AccessAttempt),
        ),
        "change": (admin_url(model, "change", obj.pk), may_view),
    }
    for page, (url, allowed) in pages.items():
        response = client.get(url)
        assert response.status_code == (200 if allowed else 403), (page, url)
        if allowed:
            assert_branded(response)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_index_lists_only_what_the_role_may_see(client, login, role):
    user = login(role)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert_branded(response)
    for model in MODELS:
        listed = admin_url(model, "changelist") in response.content.decode()
        assert listed == (may(user, "view", model) or may(user, "change", model)), model


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Article, Program, Person], ids=lambda m: m.__name__)
def test_state_filters_and_search_render(client, login, model):
    EXAMPLES[model]()
    login("Publishers")
    url = admin_url(model, "changelist")
    for query in [*({"state": state} for state in State.values), {"q": "workshop"}]:
        response = client.get(url, query)
        assert response.status_code == 200, query
        assert "errornote" not in response.content.decode()


@pytest.mark.django_db
def test_changelist_shows_thumbnails_and_state(client, login):
    article = an_article()
    login("Editors")
    response = client.get(admin_url(Article, "changelist"))
    html = response.content.decode()
    assert f'src="{article.hero_image.url}"' in html
    assert 'alt="Participants at a workshop"' in html
    assert '<span class="state state-live">Live</span>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model, field",
    [(Article, "department"), (Article, "people"), (Program, "countries"), (Person, "department")],
)
def test_autocomplete_answers_editors(client, login, model, field):
    """Editors can use every autocomplete on their forms (it needs view on the target)."""
    EXAMPLES[model]()
    login("Editors")
    query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
             "field_name": field, "term": ""}  # fmt: skip
    response = client.get(reverse("admin:autocomplete"), query)
    assert response.status_code == 200
    assert response.json()["results"], "the example's related rows should be offered"
