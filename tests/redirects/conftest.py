from tests.admin.conftest import login  # noqa: F401 (the admin tests' fixture)
