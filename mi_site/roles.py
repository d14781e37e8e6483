"""The three editorial roles and exactly which permissions each holds.

This table is the permission matrix the README documents and the tests enforce. Migrations
call `sync_roles()` so the groups exist on every database right after `migrate`.
"""

CONTENT = {"news": ["article"], "people": ["person"], "programs": ["program"]}
LINKED = {
    "people": ["programmembership"],
    "programs": ["programpartner", "partner", "theme"],
    "taggit": ["tag", "taggeditem"],
}
REFERENCE = {"programs": ["department", "country"]}


def _perms(models: dict[str, list[str]], actions: list[str]) -> set[str]:
    return {
        f"{app}.{action}_{model}" for app, names in models.items() for model in names
        for action in actions
    }  # fmt: skip


EDITORS = (
    _perms(CONTENT, ["view", "add", "change"])
    | _perms(LINKED, ["view", "add", "change"])
    | _perms(REFERENCE, ["view"])
)
PUBLISHERS = (
    EDITORS
    | _perms(CONTENT, ["delete", "publish"])
    | _perms(LINKED, ["delete"])
    | _perms(REFERENCE, ["add", "change", "delete"])
)
SITE_ADMINISTRATORS = {"auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group"}

ROLES: dict[str, set[str]] = {
    "Editors": EDITORS,
    "Publishers": PUBLISHERS,
    "Site administrators": SITE_ADMINISTRATORS,
}


def sync_roles(apps) -> None:
    """Create the role groups and set their permissions to exactly the table above.

    Permission rows are made first: on an empty database `migrate` has not created them yet
    when this runs.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for code in sorted(codes):
            app_label, codename = code.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)
