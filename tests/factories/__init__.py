from .accounts import UserFactory
from .news import ArticleFactory
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
    "CountryFactory",
    "DepartmentFactory",
    "PartnerFactory",
    "PersonFactory",
    "ProgramFactory",
    "ProgramMembershipFactory",
    "ProgramPartnerFactory",
    "ThemeFactory",
    "UserFactory",
]
