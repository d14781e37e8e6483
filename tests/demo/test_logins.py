"""Demo logins exist only when asked for (DEBUG or --with-logins), one per role."""

from io import StringIO

import pytest
from django.contrib.auth import password_validation
from django.contrib.auth.models import User
from django.core.management import call_command

from mi_site.demo.logins import DEMO_LOGINS

ROLES = {"editor": "Editors", "publisher": "Publishers", "siteadmin": "Site administrators"}


def command(name, *args) -> str:
    out = StringIO()
    call_command(name, *args, stdout=out)
    return out.getvalue()


def test_no_logins_on_a_database_without_debug(db, settings):
    settings.DEBUG = False

    output = command("load_demo_content")

    assert not User.objects.exists()
    assert "Demo logins not created" in output
    assert "(not created)" in command("demo_logins")


@pytest.mark.parametrize("debug, args", [(True, []), (False, ["--with-logins"])])
def test_each_role_gets_a_login_that_works(db, settings, debug, args):
    settings.DEBUG = debug

    command("load_demo_content", *args)

    for login in DEMO_LOGINS:
        user = User.objects.get(username=login.username)
        assert user.is_staff and user.is_active and user.check_password(login.password)
        password_validation.validate_password(login.password, user)
    for username, group in ROLES.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        assert not user.is_superuser
    assert User.objects.get(username="admin").is_superuser


def test_demo_logins_prints_the_admin_address_and_each_login(db, settings):
    settings.DEBUG = True
    command("load_demo_content")
    User.objects.filter(username="publisher").update(password="!")

    output = command("demo_logins")

    assert "http://127.0.0.1:8000/admin/" in output
    assert "editor" in output and "mekong-editor-demo" in output
    assert "siteadmin" in output and "mekong-siteadmin-demo" in output
    # A password that no longer works is not shown as if it did.
    assert "mekong-publisher-demo" not in output
    assert "(changed since the demo was loaded)" in output


def test_a_changed_password_is_kept_on_the_next_run(db, settings):
    settings.DEBUG = True
    command("load_demo_content")
    user = User.objects.get(username="admin")
    user.set_password("my-own-long-password")
    user.save()

    command("load_demo_content")

    user.refresh_from_db()
    assert user.check_password("my-own-long-password")
