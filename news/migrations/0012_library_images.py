"""Image files become media-library images: one library row per stored file, reused when
several items showed the same file; the alternative text, caption and credit go with it."""

import django.db.models.deletion
from django.db import migrations, models

from images.migrations._adopt import adopt


class Migration(migrations.Migration):
    dependencies = [("news", "0011_search_lead"), ("images", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="article", old_name="hero_image", new_name="hero_file"),
        migrations.AddField(
            model_name="article",
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
        adopt("news", "article", old="hero_file", new="hero_image", prefix="hero", title="title"),
        migrations.RemoveField(model_name="article", name="hero_file"),
    ]
