import pytest

from tests.factories import UserFactory

ROLE_NAMES = ["Editors", "Publishers", "Site administrators"]


@pytest.fixture
def login(client, role_user):
    """`login("Editors")` (or "superuser") logs the test client in as such a user."""

    def log_in(role: str):
        user = UserFactory(is_superuser=True) if role == "superuser" else role_user(role)
        client.force_login(user)
        return user

    return log_in
