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
    """Every test that uses the database finds the countries and roles `migrate` makes."""
    if not _needs_database(request):
        return
    request.getfixturevalue("_django_db_helper")
    from tests.reference_data import restore_reference_data

    restore_reference_data()
