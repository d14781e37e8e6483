from django.db import migrations


def mend_tag_slugs(apps, schema_editor):
    """Tags saved before `mi_site.core.tags` may have a slug no URL can carry: give them one."""
    from mi_site.core.slugs import is_url_slug, unique_slug

    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.order_by("pk"):
        if not is_url_slug(tag.slug):
            tag.slug = unique_slug(tag, tag.name)
            tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("mi_site", "0002_editors_remove_links"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]
    operations = [migrations.RunPython(mend_tag_slugs, migrations.RunPython.noop)]
