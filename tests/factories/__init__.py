from .accounts import UserFactory
from .documents import DocumentFactory
from .news import ArticleFactory, ArticlePartnerFactory
from .pages import MenuItemFactory, PageFactory, SiteFooterFactory, SocialLinkFactory
from .people import PersonFactory, ProgramMembershipFactory
from .programs import (
    CountryFactory,
    DepartmentFactory,
    PartnerFactory,
    ProgramFactory,
    ProgramPartnerFactory,
    ThemeFactory,
)

__all__ = [
    "ArticleFactory",
    "ArticlePartnerFactory",
    "CountryFactory",
    "DepartmentFactory",
    "DocumentFactory",
    "MenuItemFactory",
    "PageFactory",
    "PartnerFactory",
    "PersonFactory",
    "ProgramFactory",
    "ProgramMembershipFactory",
    "ProgramPartnerFactory",
    "SiteFooterFactory",
    "SocialLinkFactory",
    "ThemeFactory",
    "UserFactory",
]
