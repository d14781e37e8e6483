"""One demo login per role, for trying the admin locally.

The passwords are public (they are in this file and in the README), so the loader creates these
accounts only when DEBUG is on or when explicitly asked (`--with-logins`), never silently on a
production database. A password is set only when the account is created: a developer who
changed it keeps their own.
"""

from dataclasses import dataclass

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User

from mi_site.core.sync import Writer


@dataclass(frozen=True)
class DemoLogin:
    role: str
    username: str
    password: str
    group: str | None = None
    superuser: bool = False


DEMO_LOGINS = [
    DemoLogin("Editor", "editor", "mekong-editor-demo", group="Editors"),
    DemoLogin("Publisher", "publisher", "mekong-publisher-demo", group="Publishers"),
    DemoLogin("Site administrator", "siteadmin", "mekong-siteadmin-demo",
              group="Site administrators"),
    DemoLogin("Superuser", "admin", "mekong-admin-demo", superuser=True),
]  # fmt: skip


def load_demo_logins(writer: Writer) -> None:
    for login in DEMO_LOGINS:
        values = {
            "email": f"{login.username}@example.org",
            "first_name": "Demo",
            "last_name": login.role,
            "is_staff": True,
            "is_superuser": login.superuser,
            "is_active": True,
        }
        # The same validators as the admin's password form: the demo sets no weak example.
        password_validation.validate_password(
            login.password, User(username=login.username, **values)
        )
        groups = Group.objects.filter(name=login.group) if login.group else Group.objects.none()
        writer.save(
            User,
            {"username": login.username},
            values,
            m2m={"groups": groups},
            create_only={"password": lambda pw=login.password: make_password(pw)},
        )


def login_table() -> list[tuple[str, str, str]]:
    """(role, username, password) of each demo login; the password column says when it
    no longer works, so the printed table never lies."""
    users = {u.username: u for u in User.objects.filter(username__in=_usernames())}
    rows = []
    for login in DEMO_LOGINS:
        user = users.get(login.username)
        if user is None:
            shown = "(not created)"
        elif user.check_password(login.password):
            shown = login.password
        else:
            shown = "(changed since the demo was loaded)"
        rows.append((login.role, login.username, shown))
    return rows


def _usernames() -> list[str]:
    return [login.username for login in DEMO_LOGINS]
