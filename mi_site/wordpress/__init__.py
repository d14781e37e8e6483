"""MI's WordPress archive brought in: `manage.py import_wordpress EXPORT.xml`.

- `wxr`: reading the export (streaming, DTDs and entities refused).
- `content`: WordPress's stored HTML made into what our editor writes.
- `mapping`: statuses, dates, categories (departments and themes) and tags.
- `images`: featured and inline images copied from the uploads folder through the image gate.
- `addresses`: every old address kept as a redirect to the imported item.
- `importer`: the import itself, idempotent, with a dry run; `report`: its summary.
"""

from .importer import import_wordpress
from .mapping import BadMapping
from .wxr import BadExport

__all__ = ["BadExport", "BadMapping", "import_wordpress"]
