from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": [
        "people.delete_programmembership",
        "programs.delete_programpartner",
        "taggit.delete_taggeditem",
    ],
}


class Migration(migrations.Migration):
    """Editors may now remove a program's partner or team row and an item's tag."""

    dependencies = [("mi_site", "0001_roles")]
    operations = [grant(GRANTS)]
