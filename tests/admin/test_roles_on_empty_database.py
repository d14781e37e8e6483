"""The role migration works on an empty database, where no permission rows exist yet.

A real `migrate` runs the data migration after every table exists but before `post_migrate`
creates content types and permissions. The test recreates that moment: it empties groups,
permissions and content types, unapplies the `mi_site` migrations and applies them again.
Had the migration not created the permission rows first, it would fail with DoesNotExist.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db.models.signals import post_migrate

from mi_site.roles import ROLES


@pytest.fixture
def without_post_migrate():
    """Hold back `post_migrate`, so only the migration itself can create permissions."""
    receivers = post_migrate.receivers
    post_migrate.receivers = []
    post_migrate.sender_receivers_cache.clear()
    yield
    post_migrate.receivers = receivers
    post_migrate.sender_receivers_cache.clear()


@pytest.mark.django_db(transaction=True)
def test_migrate_creates_the_groups_and_permissions_from_nothing(without_post_migrate):
    Group.objects.all().delete()
    Permission.objects.all().delete()
    ContentType.objects.all().delete()
    ContentType.objects.clear_cache()

    call_command("migrate", "mi_site", "zero", verbosity=0)
    assert not Permission.objects.exists()
    call_command("migrate", "mi_site", verbosity=0)

    groups = {group.name: group for group in Group.objects.prefetch_related("permissions")}
    assert set(groups) == set(ROLES)
    for name, expected in ROLES.items():
        perms = groups[name].permissions.values_list("content_type__app_label", "codename")
        assert {f"{app}.{codename}" for app, codename in perms} == expected, name


def test_role_migrations_are_frozen():
    """A migration that read the live table would grant, on an empty database, permissions of
    models that do not exist yet at that point of the migration graph."""
    import re
    from pathlib import Path

    import mi_site.migrations

    folder = Path(mi_site.migrations.__file__).parent
    for migration in folder.glob("*.py"):
        imports = re.findall(r"^\s*(?:from|import) (\S+)", migration.read_text(), re.M)
        assert "mi_site.roles" not in imports, migration.name
