"""The permission matrix: what each role may do, checked on the groups and through the admin.

| model                    | Editors                | Publishers                     | Site administrators |
| ------------------------ | ---------------------- | ------------------------------ | ------------------- |
| news.article             | view add change        | view add change delete publish |                     |
| people.person            | view add change        | view add change delete publish |                     |
| programs.program         | view add change        | view add change delete publish |                     |
| pages.page               | view add change        | view add change delete publish |                     |
| programs.programpartner  | view add change delete | view add change delete         |                     |
| news.articlepartner      | view add change delete | view add change delete         |                     |
| people.programmembership | view add change delete | view add change delete         |                     |
| taggit.taggeditem        | view add change delete | view add change delete         |                     |
| programs.partner         | view add change        | view add change delete         |                     |
| programs.theme           | view add change        | view add change delete         |                     |
| taggit.tag               | view add change        | view add change delete         |                     |
| documents.document       | view add change        | view add change delete         |                     |
| images.image             | view add change        | view add change delete         |                     |
| programs.department      | view                   | view add change delete         |                     |
| programs.country         | view add change        | view add change delete         |                     |
| pages.menuitem           | view                   | view add change delete         |                     |
| pages.sitefooter         | view                   | view add change delete         |                     |
| pages.sociallink         | view                   | view add change delete         |                     |
| core.redirect            | view                   | view add change delete         |                     |
| core.auditentry          |                        | view                           | view                |
| auth.user                |                        |                                | view add change     |
| auth.group               |                        |                                | view                |
| axes.accessattempt       |                        |                                | view delete         |

`publish` is the `publish_<model>` permission: without it the admin offers "Submit for review"
and no publishing button, the publish and expiry times are read-only, and an edit of a
published item waits for a publisher (tests/workflow). Site administrators assign
only these three groups, and only one whose permissions they hold themselves (so a site
administrator who is not also a publisher makes no publisher: tests/admin/test_accounts.py),
never superuser status or single permissions, never their own roles, and never see or edit a
superuser. `axes.accessattempt` is a locked-out login: deleting it unlocks. Only superusers
change the groups themselves. The README mirrors this table.
"""  # noqa: E501 (the table stays readable as one row per model)

import re

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.urls import reverse

from mi_site.core.publishing import Status
from mi_site.roles import ROLES
from news.models import Article
from tests.factories import ArticleFactory, DepartmentFactory, UserFactory

from .conftest import ROLE_NAMES
from .formdata import form_data


def parse_matrix(doc: str) -> dict[str, set[str]]:
    matrix: dict[str, set[str]] = {role: set() for role in ROLE_NAMES}
    for line in doc.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not re.fullmatch(r"\w+\.\w+", cells[0]):
            continue
        app_label, model = cells[0].split(".")
        for role, actions in zip(ROLE_NAMES, cells[1:], strict=True):
            matrix[role] |= {f"{app_label}.{action}_{model}" for action in actions.split()}
    return matrix


MATRIX = parse_matrix(__doc__)


def test_the_table_above_is_the_roles_module():
    assert set(ROLES) == set(ROLE_NAMES)
    for role in ROLE_NAMES:
        assert ROLES[role] == MATRIX[role], role


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_each_group_holds_exactly_its_row_of_the_matrix(role):
    perms = Group.objects.get(name=role).permissions.values_list(
        "content_type__app_label", "codename"
    )
    assert {f"{app}.{codename}" for app, codename in perms} == MATRIX[role]


# --- Editors -------------------------------------------------------------------------------

ADD_ARTICLE = reverse("admin:news_article_add")


def buttons(response) -> set[str]:
    return set(re.findall(r'<input type="submit"[^>]*name="(_\w+)"', response.content.decode()))


@pytest.mark.django_db
def test_editor_adds_a_draft_and_submits_it(client, login):
    login("Editors")
    page = client.get(ADD_ARTICLE)
    assert 'name="status"' not in page.content.decode()
    assert buttons(page) >= {"_save", "_submit"}
    assert not buttons(page) & {"_publish", "_schedule", "_unpublish", "_archive"}
    data = form_data(page, title="Workshop in Mae Sot", body="<p>Six countries met.</p>")
    assert client.post(ADD_ARTICLE, data).status_code == 302
    article = Article.objects.get(title="Workshop in Mae Sot")
    assert article.status == Status.DRAFT

    change = reverse("admin:news_article_change", args=[article.pk])
    data = form_data(client.get(change), title="Workshop in Mae Sot, Thailand", _submit="1")
    assert client.post(change, data).status_code == 302
    article.refresh_from_db()
    assert (article.title, article.status) == ("Workshop in Mae Sot, Thailand", Status.REVIEW)


@pytest.mark.django_db
def test_editor_cannot_publish_and_loses_nothing_trying(client, login):
    login("Editors")
    page = client.get(ADD_ARTICLE)
    assert 'name="publish_at"' not in page.content.decode()
    data = form_data(page, title="Unreviewed story", body="<p>Typed with care.</p>",
                     status="published", _publish="1")  # fmt: skip
    assert client.post(ADD_ARTICLE, data).status_code == 302
    article = Article.objects.get(title="Unreviewed story")
    assert (article.status, article.body) == (Status.DRAFT, "<p>Typed with care.</p>")


@pytest.mark.django_db
def test_editor_cannot_unpublish_or_feature_a_live_article(client, login):
    article = ArticleFactory(featured=False, title="Original title")
    login("Editors")
    change = reverse("admin:news_article_change", args=[article.pk])
    page = client.get(change)
    for field in ("status", "publish_at", "expire_at", "featured"):
        assert f'name="{field}"' not in page.content.decode(), field
    data = form_data(page, title="Corrected title", status="draft", featured="on",
                     _unpublish="1")  # fmt: skip
    assert client.post(change, data).status_code == 302
    article.refresh_from_db()
    # The correction waits for a publisher; nothing else changed.
    assert (article.title, article.status, article.featured) == (
        "Original title", Status.PUBLISHED, False,
    )  # fmt: skip


@pytest.mark.django_db
def test_editor_cannot_delete(client, login):
    article = ArticleFactory()
    login("Editors")
    delete = reverse("admin:news_article_delete", args=[article.pk])
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    changelist = reverse("admin:news_article_changelist")
    response = client.post(
        changelist, {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"}
    )
    assert response.status_code in (200, 302)
    assert Article.objects.filter(pk=article.pk).exists()


# --- Publishers ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_publisher_publishes_and_deletes(client, login):
    login("Publishers")
    page = client.get(ADD_ARTICLE)
    assert buttons(page) >= {"_save", "_publish", "_schedule"}
    data = form_data(page, title="Published at once", body="<p>Live.</p>", _publish="1")
    assert client.post(ADD_ARTICLE, data).status_code == 302
    article = Article.objects.get(title="Published at once")
    assert article.is_live

    delete = reverse("admin:news_article_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


# --- Site administrators -------------------------------------------------------------------


@pytest.mark.django_db
def test_site_administrator_creates_an_editor_but_cannot_escalate(client, role_user):
    # Also a publisher: a site administrator grants only roles whose permissions they hold
    # (tests/admin/test_accounts.py shows one who is not).
    client.force_login(role_user("Site administrators", "Publishers"))
    add = reverse("admin:auth_user_add")
    password = "a-long-password-for-a-new-editor"
    data = form_data(client.get(add), username="newcolleague", password1=password,
                     password2=password)  # fmt: skip
    assert client.post(add, data).status_code == 302
    colleague = User.objects.get(username="newcolleague")

    change = reverse("admin:auth_user_change", args=[colleague.pk])
    page = client.get(change)
    html = page.content.decode()
    assert 'name="is_superuser"' not in html
    assert 'name="user_permissions"' not in html
    offered = set(page.context["adminform"].form.fields["groups"].queryset)
    assert {group.name for group in offered} == set(ROLE_NAMES)

    editors = Group.objects.get(name="Editors")
    any_permission = Permission.objects.get(codename="delete_user")
    data = form_data(page, is_staff="on", groups=[str(editors.pk)], is_superuser="on",
                     user_permissions=[str(any_permission.pk)])  # fmt: skip
    assert client.post(change, data).status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_staff and not colleague.is_superuser
    assert list(colleague.groups.all()) == [editors]
    assert not colleague.user_permissions.exists()


@pytest.mark.django_db
def test_site_administrator_cannot_assign_a_group_outside_the_roles(client, login):
    outsider = Group.objects.create(name="Auditors")
    colleague = UserFactory()
    login("Site administrators")
    change = reverse("admin:auth_user_change", args=[colleague.pk])
    response = client.post(change, form_data(client.get(change), groups=[str(outsider.pk)]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not colleague.groups.exists()


@pytest.mark.django_db
def test_site_administrator_never_reaches_a_superuser(client, login):
    boss = UserFactory(is_superuser=True, username="boss")
    login("Site administrators")
    changelist = client.get(reverse("admin:auth_user_changelist"))
    assert "boss" not in changelist.content.decode()
    change = client.get(reverse("admin:auth_user_change", args=[boss.pk]))
    assert change.status_code == 302  # "doesn't exist", back to the admin index
    password = reverse("admin:auth_user_password_change", args=[boss.pk])
    assert client.get(password).status_code == 404
    response = client.post(password, {"password1": "taken-over-now", "password2": "taken-over-now"})
    assert response.status_code == 404
    boss.refresh_from_db()
    assert not boss.check_password("taken-over-now")


@pytest.mark.django_db
def test_site_administrator_resets_a_password_and_deactivates_a_leaver(client, login):
    leaver = UserFactory()
    login("Site administrators")
    password = reverse("admin:auth_user_password_change", args=[leaver.pk])
    new = "a-fresh-long-password-42"
    data = form_data(client.get(password), password1=new, password2=new)
    assert client.post(password, data).status_code == 302
    change = reverse("admin:auth_user_change", args=[leaver.pk])
    data = form_data(client.get(change))
    data.pop("is_active", None)
    assert client.post(change, data).status_code == 302
    leaver.refresh_from_db()
    assert leaver.check_password(new) and not leaver.is_active
    delete = reverse("admin:auth_user_delete", args=[leaver.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403


@pytest.mark.django_db
def test_site_administrator_has_no_content_access(client, login):
    article = ArticleFactory()
    login("Site administrators")
    for url in (
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:programs_department_add"),
    ):
        assert client.get(url).status_code == 403, url


# --- Groups --------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_only_superusers_change_the_groups(client, login, role):
    editors = Group.objects.get(name="Editors")
    before = set(editors.permissions.all())
    change = reverse("admin:auth_group_change", args=[editors.pk])
    login(role)
    data = {"name": "Editors", "permissions": [str(p.pk) for p in Permission.objects.all()]}
    assert client.post(change, data).status_code == 403
    assert client.post(reverse("admin:auth_group_add"), {"name": "Owners"}).status_code == 403
    assert set(editors.permissions.all()) == before
    assert not Group.objects.filter(name="Owners").exists()


@pytest.mark.django_db
def test_superuser_may_change_the_groups(client, login):
    login("superuser")
    editors = Group.objects.get(name="Editors")
    change = reverse("admin:auth_group_change", args=[editors.pk])
    data = form_data(client.get(change), name="Editors and writers")
    assert client.post(change, data).status_code == 302
    editors.refresh_from_db()
    assert editors.name == "Editors and writers"


@pytest.mark.django_db
def test_a_department_is_managed_by_publishers_only(client, login):
    department = DepartmentFactory()
    change = reverse("admin:programs_department_change", args=[department.pk])
    login("Editors")
    data = {"name": "Renamed by an editor", "slug": department.slug, "order": 0}
    assert client.post(change, data).status_code == 403
    login("Publishers")
    data = form_data(client.get(change), name="Renamed by a publisher")
    assert client.post(change, data).status_code == 302
    department.refresh_from_db()
    assert department.name == "Renamed by a publisher"
