"""Account management without escalation (SPEC §7): what a site administrator may do to whose
account, through the real admin forms.

A site administrator grants only roles whose permissions they hold, never changes their own
roles, never reaches a superuser, and cannot deactivate the last active site administrator;
every role change is in the audit log.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from mi_site.core.models import Action, AuditEntry
from tests.factories import UserFactory

from .formdata import form_data


def change_url(user) -> str:
    return reverse("admin:auth_user_change", args=[user.pk])


def set_roles(client, account, *names, **fields):
    """POST the account's form with these roles (and any other fields)."""
    page = client.get(change_url(account))
    groups = [str(group.pk) for group in Group.objects.filter(name__in=names)]
    return client.post(change_url(account), form_data(page, groups=groups, **fields))


def roles_of(account) -> set[str]:
    return set(account.groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_a_site_administrator_cannot_make_themselves_a_publisher(client, role_user):
    siteadmin = role_user("Site administrators")
    client.force_login(siteadmin)
    response = set_roles(client, siteadmin, "Site administrators", "Publishers")
    # The field is disabled on one's own account: the crafted value is ignored.
    assert response.status_code == 302
    assert roles_of(siteadmin) == {"Site administrators"}
    page = client.get(change_url(siteadmin)).content.decode()
    assert "Nobody changes their own roles" in page
    assert not AuditEntry.objects.filter(action=Action.ROLES).exists()


@pytest.mark.django_db
def test_a_site_administrator_cannot_drop_their_own_role_either(client, role_user):
    siteadmin = role_user("Site administrators")
    role_user("Site administrators")  # another one: the last-administrator rule is not why
    client.force_login(siteadmin)
    assert set_roles(client, siteadmin).status_code == 302
    assert roles_of(siteadmin) == {"Site administrators"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Publishers", "Editors"])
def test_a_site_administrator_grants_no_role_whose_permissions_they_lack(client, role_user, role):
    colleague = UserFactory()
    client.force_login(role_user("Site administrators"))
    response = set_roles(client, colleague, role)
    assert response.status_code == 200
    assert f"You cannot grant {role}" in response.content.decode()
    assert roles_of(colleague) == set()


@pytest.mark.django_db
def test_a_site_administrator_makes_another_site_administrator(client, role_user):
    colleague = UserFactory()
    client.force_login(role_user("Site administrators"))
    assert set_roles(client, colleague, "Site administrators").status_code == 302
    assert roles_of(colleague) == {"Site administrators"}
    entry = AuditEntry.objects.get(action=Action.ROLES)
    assert entry.comment == "no role \u2192 Site administrators"


@pytest.mark.django_db
def test_a_site_administrator_who_publishes_makes_publishers_and_it_is_audited(client, role_user):
    colleague = role_user("Editors")
    actor = role_user("Site administrators", "Publishers")
    client.force_login(actor)
    assert set_roles(client, colleague, "Publishers").status_code == 302
    assert roles_of(colleague) == {"Publishers"}
    entry = AuditEntry.objects.get(action=Action.ROLES)
    assert (entry.user, entry.object_id) == (actor, str(colleague.pk))
    assert entry.comment == "Editors \u2192 Publishers"


@pytest.mark.django_db
def test_removing_a_role_is_no_escalation(client, role_user):
    """A site administrator takes a leaver's roles away even when they could not grant them."""
    publisher = role_user("Publishers")
    client.force_login(role_user("Site administrators"))
    assert set_roles(client, publisher).status_code == 302
    assert roles_of(publisher) == set()
    # Keeping a role they could not grant, while changing something else, is no grant either.
    editor = role_user("Editors")
    assert set_roles(client, editor, "Editors", first_name="Noy").status_code == 302
    editor.refresh_from_db()
    assert (editor.first_name, roles_of(editor)) == ("Noy", {"Editors"})


@pytest.mark.django_db
def test_the_last_active_site_administrator_stays(client, role_user):
    siteadmin = role_user("Site administrators")
    client.force_login(siteadmin)
    page = client.get(change_url(siteadmin))
    data = form_data(page)
    data.pop("is_active")
    response = client.post(change_url(siteadmin), data)
    assert response.status_code == 200
    assert "the last active site administrator" in response.content.decode()
    siteadmin.refresh_from_db()
    assert siteadmin.is_active

    # With a second one, either may deactivate the other (a leaver).
    other = role_user("Site administrators")
    data = form_data(client.get(change_url(other)))
    data.pop("is_active")
    assert client.post(change_url(other), data).status_code == 302
    other.refresh_from_db()
    assert not other.is_active


@pytest.mark.django_db
def test_a_superuser_is_bound_by_none_of_these_rules(client, role_user):
    siteadmin = role_user("Site administrators")
    boss = UserFactory(is_superuser=True)
    client.force_login(boss)
    assert set_roles(client, siteadmin, "Publishers").status_code == 302
    assert roles_of(siteadmin) == {"Publishers"}  # the last site administrator gone, by choice
    assert set_roles(client, boss, "Editors").status_code == 302
    assert roles_of(boss) == {"Editors"}


@pytest.mark.django_db
def test_a_site_administrator_neither_sees_nor_deactivates_a_superuser(client, role_user):
    boss = UserFactory(is_superuser=True, username="boss")
    client.force_login(role_user("Site administrators"))
    assert "boss" not in client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert client.get(change_url(boss)).status_code == 302  # "does not exist", to the index
    response = client.post(change_url(boss), {"username": "boss", "is_active": ""})
    assert response.status_code == 302
    boss.refresh_from_db()
    assert boss.is_active
    # The history of a hidden account is hidden too.
    history = client.get(reverse("admin:auth_user_history", args=[boss.pk]))
    assert history.status_code in (302, 404)
    assert User.objects.filter(pk=boss.pk, is_superuser=True).exists()
