import factory
from django.contrib.auth.models import Group, User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@mekonginstitute.org")
    is_staff = True
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`UserFactory(roles=["Editors"])` puts the user in those groups."""
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
