"""Image files become media-library images: one library row per stored file, reused when
several items showed the same file; the alternative text, caption and credit go with it."""

import django.db.models.deletion
from django.db import migrations, models

from images.migrations._adopt import adopt


class Migration(migrations.Migration):
    dependencies = [("people", "0007_search_lead"), ("images", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="person", old_name="photo", new_name="photo_file"),
        migrations.AddField(
            model_name="person",
            name="photo",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="images.image",
                verbose_name="photo",
            ),
        ),
        adopt(
            "people", "person", old="photo_file", new="photo", prefix="photo", title="display_name"
        ),
        migrations.RemoveField(model_name="person", name="photo_file"),
    ]
