"""The rows our data migrations make: the six GMS countries and the role groups.

A transactional test (live server, `migrate`) ends by emptying every table; fixtures call
`restore_reference_data()` so the next test finds what `migrate` guarantees.
"""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group

from mi_site.roles import ROLES, sync_roles
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
        sync_roles(apps)
