from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": [
        "programs.add_country",
        "programs.change_country",
    ],
}


class Migration(migrations.Migration):
    """Editors may add and change countries beyond the six (a partner's, a venue's)."""

    dependencies = [("mi_site", "0004_roles_read_audit_log"), ("programs", "0006_country_is_gms")]
    operations = [grant(GRANTS)]
