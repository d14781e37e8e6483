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
