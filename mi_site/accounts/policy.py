"""The rules of account management (SPEC §7), in one place for the admin's form and the tests.

- Nobody who is not a superuser grants a role holding a permission they do not hold
  themselves: a site administrator who is not also a publisher cannot make a publisher.
- Nobody changes their own roles.
- There is always an active site administrator: the last one cannot be deactivated, lose
  staff status or lose the role (a superuser may still do it).
"""

from django.contrib.auth.models import Group, User

from mi_site.roles import ACCOUNT_MANAGERS


def permissions_of(group: Group) -> set[str]:
    rows = group.permissions.values_list("content_type__app_label", "codename")
    return {f"{app_label}.{codename}" for app_label, codename in rows}


def ungrantable(actor: User, groups) -> list[Group]:
    """The groups among `groups` that `actor` may not grant."""
    if actor.is_superuser:
        return []
    held = actor.get_all_permissions()
    return [group for group in groups if not permissions_of(group) <= held]


def active_site_administrators():
    return User.objects.filter(is_active=True, is_staff=True, groups__name=ACCOUNT_MANAGERS)


def leaves_no_site_administrator(account: User, *, is_active: bool, is_staff: bool, groups) -> bool:
    """Would saving `account` with these values leave no active site administrator?"""
    if account.pk is None or not active_site_administrators().filter(pk=account.pk).exists():
        return False
    stays = is_active and is_staff and any(group.name == ACCOUNT_MANAGERS for group in groups)
    return not stays and not active_site_administrators().exclude(pk=account.pk).exists()
