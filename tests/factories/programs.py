import datetime

import factory

from mi_site.core.publishing import Status
from programs.models import Country, Department, Partner, Program, ProgramPartner, Theme


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Department {n}")
    short_name = factory.Sequence(lambda n: f"D{n}")
    summary = "What the department does."


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Theme {n}")


class CountryFactory(factory.django.DjangoModelFactory):
    """The six GMS countries already exist (data migration): this makes further ones."""

    class Meta:
        model = Country
        django_get_or_create = ["iso_code"]

    name = factory.Sequence(lambda n: f"Country {n}")
    # User-assigned ISO codes (XA..XZ) never clash with real countries.
    iso_code = factory.Sequence(lambda n: f"X{chr(65 + n % 26)}")


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Partner Agency {n}")
    acronym = factory.Sequence(lambda n: f"PA{n}")
    kind = Partner.Kind.DONOR


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    title = factory.Sequence(lambda n: f"Capacity program {n}")
    department = factory.SubFactory(DepartmentFactory)
    summary = "A capacity program in the Greater Mekong Subregion."
    body = "<p>Background, objectives and results.</p>"
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2030, 12, 31)
    status = Status.PUBLISHED


class ProgramPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramPartner

    program = factory.SubFactory(ProgramFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = ProgramPartner.Role.FUNDER
