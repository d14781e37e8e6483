from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": ["images.add_image", "images.change_image", "images.view_image"],
    "Publishers": [
        "images.add_image",
        "images.change_image",
        "images.delete_image",
        "images.view_image",
    ],
}


class Migration(migrations.Migration):
    """The media library: editors add, describe and pick images; publishers also delete them
    (never one still in use: images/admin.py)."""

    dependencies = [
        ("mi_site", "0010_site_administrators_unlock_logins"),
        ("images", "0001_initial"),
    ]
    operations = [grant(GRANTS)]
