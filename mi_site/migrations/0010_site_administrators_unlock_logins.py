from django.db import migrations

from ._roles import grant

GRANTS = {
    "Site administrators": ["axes.delete_accessattempt", "axes.view_accessattempt"],
}


class Migration(migrations.Migration):
    """Site administrators see who is locked out of the login and unlock them."""

    dependencies = [
        ("mi_site", "0009_roles_redirects"),
        ("axes", "0010_accessattemptexpiration"),
    ]
    operations = [grant(GRANTS)]
