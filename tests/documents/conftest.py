import re

from tests.admin.conftest import login  # noqa: F401 - the admin tests' fixture

RANDOM_NAME = re.compile(r"documents/\d{4}/[0-9a-f]{32}\.pdf")


def files_in(folder) -> list:
    """Every file under `folder` (MEDIA_ROOT): what uploads left on disk."""
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []
