from django.db import migrations


def sync_roles(apps, schema_editor):
    from mi_site.roles import sync_roles

    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("programs", "0002_gms_countries"),
        ("people", "0002_initial"),
        ("news", "0002_initial"),
    ]
    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
