from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    """Every partner gets the address of its page, made from its name as a new one would be."""
    from mi_site.core.slugs import unique_slug

    Partner = apps.get_model("programs", "Partner")
    for partner in Partner.objects.order_by("pk"):
        partner.slug = unique_slug(partner, partner.name)
        partner.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("programs", "0006_country_is_gms")]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="summary",
            field=models.TextField(
                blank=True,
                help_text="A sentence or two on who the partner is and what MI does with it.",
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="slug",
            field=models.SlugField(blank=True, db_index=False, default="", max_length=200),
            preserve_default=False,
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="partner",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="The address of the partner's page. Leave empty to make one from the name.",
                max_length=200,
                unique=True,
            ),
        ),
    ]
