from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": [
        "documents.add_document",
        "documents.change_document",
        "documents.view_document",
    ],
    "Publishers": [
        "documents.add_document",
        "documents.change_document",
        "documents.delete_document",
        "documents.view_document",
    ],
}


class Migration(migrations.Migration):
    """Editors add and correct documents (PDF); publishers also delete them."""

    dependencies = [
        ("mi_site", "0006_editors_link_article_partners"),
        ("documents", "0001_initial"),
    ]
    operations = [grant(GRANTS)]
