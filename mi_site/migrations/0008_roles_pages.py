from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": [
        "pages.add_page",
        "pages.change_page",
        "pages.view_page",
        "pages.view_menuitem",
        "pages.view_sitefooter",
        "pages.view_sociallink",
    ],
    "Publishers": [
        "pages.add_page",
        "pages.change_page",
        "pages.delete_page",
        "pages.publish_page",
        "pages.view_page",
        "pages.add_menuitem",
        "pages.change_menuitem",
        "pages.delete_menuitem",
        "pages.view_menuitem",
        "pages.add_sitefooter",
        "pages.change_sitefooter",
        "pages.delete_sitefooter",
        "pages.view_sitefooter",
        "pages.add_sociallink",
        "pages.change_sociallink",
        "pages.delete_sociallink",
        "pages.view_sociallink",
    ],
}


class Migration(migrations.Migration):
    """Standalone pages are content (editors write them, publishers publish and delete them);
    the main menu and the footer are publishers' to manage, and editors may look."""

    dependencies = [("mi_site", "0007_roles_documents"), ("pages", "0001_initial")]
    operations = [grant(GRANTS)]
