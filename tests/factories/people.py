import factory

from mi_site.core.publishing import Status
from people.models import Person, ProgramMembership

from .programs import DepartmentFactory, ProgramFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific = Person.Honorific.MS
    display_name = factory.Sequence(lambda n: f"Staff Member {n}")
    position = "Program Officer"
    department = factory.SubFactory(DepartmentFactory)
    short_bio = "Works on regional cooperation."
    biography = "<p>A biography.</p>"
    status = Status.PUBLISHED


class ProgramMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramMembership

    person = factory.SubFactory(PersonFactory)
    program = factory.SubFactory(ProgramFactory)
    role = ProgramMembership.Role.MEMBER
