from django.db import migrations

from ._roles import grant

GRANTS = {
    "Publishers": [
        "core.view_auditentry",
    ],
    "Site administrators": [
        "core.view_auditentry",
    ],
}


class Migration(migrations.Migration):
    """Publishers and site administrators read the audit log."""

    dependencies = [("mi_site", "0003_tag_slugs"), ("core", "0001_initial")]
    operations = [grant(GRANTS)]
