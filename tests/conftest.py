import importlib

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every test writes uploads to its own folder, never to the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def role_user(db):
    """`role_user("Editors")` makes a staff user holding that role."""
    from tests.factories import UserFactory

    def make(*roles: str, **kwargs):
        return UserFactory(roles=list(roles), **kwargs)

    return make


def _needs_database(request) -> bool:
    return (
        request.node.get_closest_marker("django_db") is not None
        or "_django_db_helper" in request.fixturenames
    )


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Put back the rows our data migrations make (the six GMS countries, the role groups).

    A transactional test (live server, `migrate`) ends by emptying every table, and the next
    test on the same worker would find no countries and roles that `migrate` guarantees.
    """
    if not _needs_database(request):
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps
    from django.contrib.auth.models import Group

    from mi_site.roles import ROLES, sync_roles
    from programs.models import Country

    if Country.objects.count() < len(GMS_COUNTRIES.GMS_COUNTRIES):
        GMS_COUNTRIES.add_countries(apps, None)
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        sync_roles(apps)


GMS_COUNTRIES = importlib.import_module("programs.migrations.0002_gms_countries")
