import datetime

import factory
from django.utils import timezone

from mi_site.core.publishing import Status
from news.models import Article, ArticlePartner

from .programs import DepartmentFactory, PartnerFactory


class ArticleFactory(factory.django.DjangoModelFactory):
    """A live article by default; pass `status=` and times for the other states."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"MI holds workshop number {n}")
    standfirst = "A workshop on regional cooperation."
    body = "<p>Participants from six countries met.</p>"
    department = factory.SubFactory(DepartmentFactory)
    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ArticlePartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticlePartner

    article = factory.SubFactory(ArticleFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = ArticlePartner.Role.FUNDER
