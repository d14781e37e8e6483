"""The title and lead as their own small search vector (PostgreSQL ranks title matches from it
without reading the body's vector). Filled by the search index: `manage.py migrate` indexes a
small site's rows after it, a large site runs `manage.py rebuild_search_index`."""

import django.contrib.postgres.search
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0010_clean_images"),
    ]

    operations = [
        migrations.AddField(
            model_name="partner",
            name="search_lead",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="The title and lead alone (ranks title matches); kept by site search.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="program",
            name="search_lead",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False,
                help_text="The title and lead alone (ranks title matches); kept by site search.",
                null=True,
            ),
        ),
    ]
