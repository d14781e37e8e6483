from django.db import migrations


def sync_roles(apps, schema_editor):
    from mi_site.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Publishers and site administrators read the audit log."""

    dependencies = [("mi_site", "0003_tag_slugs"), ("core", "0001_initial")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
