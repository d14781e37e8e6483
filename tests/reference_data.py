"""The rows our data migrations make: the six GMS countries and the role groups.

A transactional test (live server, `migrate`) ends by emptying every table; fixtures call
`restore_reference_data()` so the next test finds what `migrate` guarantees.
"""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from mi_site.roles import ROLES
from programs.models import Country

GMS = importlib.import_module("programs.migrations.0002_gms_countries")
GMS_FLAG = importlib.import_module("programs.migrations.0006_country_is_gms")


def restore_reference_data() -> None:
    if Country.objects.filter(iso_code__in=[c[2] for c in GMS.GMS_COUNTRIES]).count() < len(
        GMS.GMS_COUNTRIES
    ):
        GMS.add_countries(apps, None)
        GMS_FLAG.mark_gms(apps, None)
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        restore_roles()


def restore_roles() -> None:
    """The groups as the role migrations leave them (tests/admin/test_roles.py checks that the
    migrations and `ROLES` agree)."""
    for name, codes in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in (code.split(".") for code in sorted(codes))
        )
