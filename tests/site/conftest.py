import contextlib

import pytest
from django.db import transaction
from django.test import override_settings

from tests.reference_data import restore_reference_data


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker, tmp_path_factory):
    """A context manager for module-scoped fixtures: the database is open inside it, uploads go
    to a temporary folder, and everything written is rolled back at the end.

    The crawl and the query counts build a site once and make many requests; the tests then
    only read the results, so one build serves every test in the module.
    """

    @contextlib.contextmanager
    def opened():
        media = tmp_path_factory.mktemp("media")
        # Entered left to right: the database opens before the transaction starts.
        with (
            django_db_blocker.unblock(),
            override_settings(MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            restore_reference_data()
            yield
            transaction.set_rollback(True)

    return opened
