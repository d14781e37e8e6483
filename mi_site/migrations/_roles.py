"""Frozen helpers for the role migrations: they use only the historical app registry and the
permission tables written into each migration, never `mi_site.roles`, so every migration runs on
an empty database whatever the live role table later becomes.

A migration that changes a role lists exactly what it grants or revokes; `tests/admin/
test_roles.py` proves the result of all of them equals the live table in `mi_site/roles.py`.
"""

from django.db import migrations


def _create_permissions(apps) -> None:
    """Make the permission rows: on an empty database `post_migrate` has not made them yet."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # create_permissions() skips apps without a models module, which is every app in a
        # migration's historical registry; restore the value afterwards.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def _permission(apps, code: str):
    app_label, codename = code.split(".")
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _change(table: dict[str, list[str]], grant: bool):
    def run(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        if grant:
            _create_permissions(apps)
            for name, codes in table.items():
                group, _ = Group.objects.get_or_create(name=name)
                group.permissions.add(*(_permission(apps, code) for code in sorted(codes)))
            return
        # Taking back: touch only rows that exist, and never create any.
        for group in Group.objects.filter(name__in=table):
            for code in table[group.name]:
                app_label, codename = code.split(".")
                group.permissions.remove(
                    *group.permissions.filter(content_type__app_label=app_label, codename=codename)
                )

    return run


def grant(table: dict[str, list[str]]) -> migrations.RunPython:
    """An operation that gives each named group these permissions (and takes them back when
    the migration is reversed)."""
    return migrations.RunPython(_change(table, grant=True), _change(table, grant=False))


def revoke(table: dict[str, list[str]]) -> migrations.RunPython:
    return migrations.RunPython(_change(table, grant=False), _change(table, grant=True))
