"""The three editorial roles and exactly which permissions each holds.

This table is the permission matrix the README documents and `tests/admin/test_roles.py`
enforces. The groups are made by the role migrations in `mi_site/migrations/`, each with its own
frozen list of what it grants (`_roles.grant`): a change to this table needs a new migration
granting or revoking the difference, and `tests/admin/test_roles.py` fails until it exists.
"""

CONTENT = {
    "news": ["article"], "people": ["person"], "programs": ["program"], "pages": ["page"],
}  # fmt: skip
# The rows that tie content together (a program's partners and team, an item's tags): editing
# an item includes removing a wrong partner or team member, so editors may delete these.
LINKS = {
    "news": ["articlepartner"],
    "people": ["programmembership"],
    "programs": ["programpartner"],
    "taggit": ["taggeditem"],
}
# Labels, documents and library images that many items share: editors may add and correct them, only
# publishers delete. Countries: editors add a partner's or venue's country; the six GMS
# countries stay in publishers' hands (programs/admin.py).
LABELS = {
    "programs": ["partner", "theme", "country"],
    "taggit": ["tag"],
    "documents": ["document"],
    "images": ["image"],
}
REFERENCE = {"programs": ["department"]}
# The main menu and the footer frame every page, and redirects send old links to it:
# publishers manage them, editors may look.
NAVIGATION = {"pages": ["menuitem", "sitefooter", "sociallink"], "core": ["redirect"]}
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
    | _perms(NAVIGATION, ["view"])
)
PUBLISHERS = (
    EDITORS
    | _perms(CONTENT, ["delete", "publish"])
    | _perms(LABELS, ["delete"])
    | _perms(REFERENCE, ["add", "change", "delete"])
    | _perms(AUDIT, ["view"])
    | _perms(NAVIGATION, ["view", "add", "change", "delete"])
)
# Accounts: a site administrator also sees who is locked out of the login and unlocks them
# (deleting the failed attempts of a username and address, mi_site/accounts/admin.py).
SITE_ADMINISTRATORS = {
    "auth.view_user", "auth.add_user", "auth.change_user", "auth.view_group",
    "core.view_auditentry", "axes.view_accessattempt", "axes.delete_accessattempt",
}  # fmt: skip

ROLES: dict[str, set[str]] = {
    "Editors": EDITORS,
    "Publishers": PUBLISHERS,
    "Site administrators": SITE_ADMINISTRATORS,
}
# The role whose members manage accounts, and the roles that must pass two-factor login when
# MI_SITE_REQUIRE_2FA is on (superusers always must): they can publish, delete or hand out
# roles, so a stolen password alone must not be enough.
ACCOUNT_MANAGERS = "Site administrators"
TWO_FACTOR_ROLES = {"Publishers", "Site administrators"}
