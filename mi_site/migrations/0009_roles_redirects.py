from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": ["core.view_redirect"],
    "Publishers": [
        "core.add_redirect",
        "core.change_redirect",
        "core.delete_redirect",
        "core.view_redirect",
    ],
}


class Migration(migrations.Migration):
    """Publishers manage the redirects table; editors may read it."""

    dependencies = [("mi_site", "0008_roles_pages"), ("core", "0003_redirects")]
    operations = [grant(GRANTS)]
