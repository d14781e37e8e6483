"""Image files become media-library images: one library row per stored file, reused when
several items showed the same file; the alternative text, caption and credit go with it."""

import django.db.models.deletion
from django.db import migrations, models

from images.migrations._adopt import adopt


class Migration(migrations.Migration):
    dependencies = [("programs", "0011_search_lead"), ("images", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="program", old_name="hero_image", new_name="hero_file"),
        migrations.AddField(
            model_name="program",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
                verbose_name="hero image",
            ),
        ),
        adopt(
            "programs", "program", old="hero_file", new="hero_image", prefix="hero", title="title"
        ),
        migrations.RemoveField(model_name="program", name="hero_file"),
        migrations.RenameField(model_name="partner", old_name="logo", new_name="logo_file"),
        migrations.AddField(
            model_name="partner",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
                verbose_name="logo",
            ),
        ),
        adopt("programs", "partner", old="logo_file", new="logo", prefix="logo", title="name"),
        migrations.RemoveField(model_name="partner", name="logo_file"),
    ]
