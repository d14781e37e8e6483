import datetime

import factory
from django.utils import timezone

from mi_site.core.publishing import Status
from mi_site.pages.models import MenuItem, Page, SiteFooter, SocialLink


class PageFactory(factory.django.DjangoModelFactory):
    """A live top-level page by default; pass `parent=` for a sub-page and `status=` and times
    for the other states."""

    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"About page {n}")
    standfirst = "What the Mekong Institute is and does."
    body = "<p>MI is an intergovernmental organisation.</p>"
    status = Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class MenuItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MenuItem

    label = factory.Sequence(lambda n: f"Link {n}")
    page = None
    url = factory.LazyAttribute(lambda item: "" if item.page else "/news/")


class SiteFooterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteFooter
        django_get_or_create = ["id"]

    id = SiteFooter.SINGLETON_ID
    address = "Mekong Institute\n123 Mittraphap Road, Muang\nKhon Kaen 40002, Thailand"
    phone = "+66 43 202 411"
    email = "information@mekonginstitute.org"


class SocialLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialLink

    footer = factory.SubFactory(SiteFooterFactory)
    network = SocialLink.Network.FACEBOOK
    url = "https://www.facebook.com/MekongInstitute"
