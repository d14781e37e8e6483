from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_the_six_gms_countries_exist_after_migrate():
    from programs.models import Country

    assert list(Country.objects.values_list("name", "iso_code")) == [
        ("Cambodia", "KH"), ("P.R. China", "CN"), ("Lao PDR", "LA"),
        ("Myanmar", "MM"), ("Thailand", "TH"), ("Vietnam", "VN"),
    ]  # fmt: skip
