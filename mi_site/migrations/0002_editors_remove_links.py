from django.db import migrations


def sync_roles(apps, schema_editor):
    from mi_site.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors may now remove a program's partner or team row and an item's tag."""

    dependencies = [("mi_site", "0001_roles")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
