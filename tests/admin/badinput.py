"""What the bad-input tests share: the values, the roles, the admins found in the registry.

Everything is read from `admin.site`, so an admin, inline, field or filter added later is
tested without touching the tests.
"""

from django.contrib import admin

from tests.factories import (
    ArticleFactory,
    DocumentFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
    ThemeFactory,
)
from tests.factories.pages import MenuItemFactory, PageFactory, SocialLinkFactory
from tests.factories.tags import TagFactory

# What a careless or hostile user may type where the admin expects an id or a choice.
BAD_VALUES = {"non-numeric": "abc", "NUL": "\x00", "10,000 characters": "x" * 10_000}
# NUL is what PostgreSQL refuses in any string; the admin answers it with a 400.
NUL = BAD_VALUES["NUL"]
ROLES = ["superuser", "Editors"]
MODEL_ADMINS = sorted(admin.site._registry.values(), key=lambda ma: ma.opts.label_lower)


def label(model_admin) -> str:
    return model_admin.opts.label_lower


def admin_with_inlines(model_admin):
    """The ModelAdmin and its inlines (classes are enough: only their options are read)."""
    return [model_admin, *model_admin.inlines]


def autocomplete_fields() -> list[tuple[str, str, str]]:
    """(app label, model name, field name) of every autocomplete field, inlines included."""
    found = set()
    for model_admin in MODEL_ADMINS:
        for options in admin_with_inlines(model_admin):
            opts = options.model._meta
            found |= {(opts.app_label, opts.model_name, f) for f in options.autocomplete_fields}
    return sorted(found)


def some_of_everything() -> None:
    """A row of each model, so every list, filter and autocomplete has something to show."""
    article = ArticleFactory(tags=[TagFactory()])
    article.themes.add(ThemeFactory())
    program = ProgramPartnerFactory().program
    ProgramMembershipFactory(program=program)
    document = DocumentFactory()
    article.documents.add(document)
    program.documents.add(document)
    MenuItemFactory(page=PageFactory(parent=PageFactory()))
    SocialLinkFactory()
