"""The three editorial roles and exactly which permissions each holds.

This table is the permission matrix the README documents and `tests/admin/test_roles.py`
enforces. Migrations call `sync_roles()` so the groups exist on every database right after
`migrate`; a change to this table needs a new migration that calls it again.
"""

CONTENT = {"news": ["article"], "people": ["person"], "programs": ["program"]}
# The rows that tie content together (a program's partners and team, an item's tags): editing
# an item includes removing a wrong partner or team member, so editors may delete these.
LINKS = {
    "news": ["articlepartner"],
    "people": ["programmembership"],
    "programs": ["programpartner"],
    "taggit": ["taggeditem"],
}
# Labels that many items share: editors may add and correct them, only publishers delete.
# Countries: editors add a partner's or venue's country; the six GMS countries stay in
# publishers' hands (programs/admin.py).
LABELS = {"programs": ["partner", "theme", "country"], "taggit": ["tag"]}
REFERENCE = {"programs": ["department"]}
AUDIT = {"core": ["auditentry"]}  # read-only in the admin for everyone


def _perms(models: dict[str, list[str]], actions: list[str]) -> set[str]:
    return {
        f"{app}.{action}_{model}" for app, names in models.items() for model in names
        for action in actions
    }  # fmt: skip


EDITORS = (
    _perms(CONTENT, ["view", "add", "change"])
    | _perms(LINKS, ["view", "add", "change", "delete"])
    | _perms(LABELS, ["view", "add", "change"])
    | _perms(REFERENCE, ["view"])
)
PUBLISHERS = (
    EDITORS
    | _perms(CONTENT, ["delete", "publish"])
    | _perms(LABELS, ["delete"])
    | _perms(REFERENCE, ["add", "change", "delete"])
    | _perms(AUDIT, ["view"])
)
SITE_ADMINISTRATORS = {
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
    "core.view_auditentry",
}  # fmt: skip

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
        # create_permissions() skips apps without a models module, which is every app in a
        # migration's historical registry; restore the value so a real registry is untouched.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

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
