from django.db import migrations

from ._roles import grant

GRANTS = {
    "Editors": [
        "news.add_articlepartner",
        "news.change_articlepartner",
        "news.delete_articlepartner",
        "news.view_articlepartner",
    ],
    "Publishers": [
        "news.add_articlepartner",
        "news.change_articlepartner",
        "news.delete_articlepartner",
        "news.view_articlepartner",
    ],
}


class Migration(migrations.Migration):
    """Editors add and remove an article's partners (funders, co-organisers)."""

    dependencies = [("mi_site", "0005_editors_add_countries"), ("news", "0006_article_partners")]
    operations = [grant(GRANTS)]
