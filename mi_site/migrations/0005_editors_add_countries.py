from django.db import migrations


def sync_roles(apps, schema_editor):
    from mi_site.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors may add and change countries beyond the six (a partner's, a venue's)."""

    dependencies = [("mi_site", "0004_roles_read_audit_log"), ("programs", "0006_country_is_gms")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
