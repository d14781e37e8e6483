from django.db import migrations


def sync_roles(apps, schema_editor):
    from mi_site.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    """Editors add and remove an article's partners (funders, co-organisers)."""

    dependencies = [("mi_site", "0005_editors_add_countries"), ("news", "0006_article_partners")]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
