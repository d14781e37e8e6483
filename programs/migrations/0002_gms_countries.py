from django.db import migrations

# The six countries of the Greater Mekong Subregion, as MI writes them.
GMS_COUNTRIES = [
    ("Cambodia", "cambodia", "KH"),
    ("P.R. China", "pr-china", "CN"),
    ("Lao PDR", "lao-pdr", "LA"),
    ("Myanmar", "myanmar", "MM"),
    ("Thailand", "thailand", "TH"),
    ("Vietnam", "vietnam", "VN"),
]


def add_countries(apps, schema_editor):
    Country = apps.get_model("programs", "Country")
    for order, (name, slug, code) in enumerate(GMS_COUNTRIES, start=1):
        Country.objects.update_or_create(
            iso_code=code, defaults={"name": name, "slug": slug, "order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(add_countries, migrations.RunPython.noop)]
