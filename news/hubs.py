"""The one registry of hubs: the kinds of thing an article belongs to and that have a page of
their own, a feed of its news and a news-list filter.

Each entry names the model, how an article links to it (`lookup`), the public page's URL name,
the address prefix of its feeds and its sitemap section, and which of its rows are public.
Everything else is derived from here: `Article.objects.about(hub)`, the news filter
(news/forms.py), the per-hub RSS and Atom feeds (`mi_site/feeds_urls.py`) and the hub sitemap
sections (`mi_site/sitemaps.py`). A new kind of hub is one entry here plus its page: a view in
`mi_site/pages/`, a route and a template.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.expressions import ResolvedOuterRef
from taggit.models import Tag, TaggedItem

from mi_site.core.paths import slug_path
from programs.models import Country, Department, Partner, Program, Theme


def _field(relation: str, field: str) -> str:
    return relation if field == "pk" else f"{relation}__{field}"


def _one_level_deeper(value):
    """`value` as seen from a subquery of the article query (a hub row's OuterRef, one more
    level out)."""
    return OuterRef(value) if isinstance(value, OuterRef | ResolvedOuterRef) else value


@dataclass(frozen=True)
class Hub:
    kind: str  # "department": the news filter's name and the feeds' URL names
    plural: str  # "departments": the feeds' address prefix and the sitemap section
    model: type
    lookup: str  # the article's relation to it: "department", "themes", ...
    page: str  # the URL name of its public page
    public: Callable[[], QuerySet]  # the rows with a public page and feed
    sitemap_section: bool = True  # False where another section lists its pages already
    # For links that can join one article to the same hub row twice (a partner in two roles)
    # or that are faster as a semi-join (tags): the condition on articles, as an EXISTS.
    semi_join: Callable | None = None

    def path(self, obj) -> str:
        return slug_path(self.page, obj.slug)

    def condition(self, value, field: str = "pk") -> Q | Exists:
        """Articles linked to the row of this hub whose `field` is `value` (an object, a slug,
        or an `OuterRef` to the hub's row); never an article twice."""
        if self.semi_join:
            return self.semi_join(_one_level_deeper(value), field)
        return Q(**{_field(self.lookup, field): value})


def _tagged(value, field):
    # On taggit's (content type, object, tag) index, not a join through the generic relation:
    # that join casts object_id, so PostgreSQL compared every newest article with every row
    # of the tag (8.8 ms for a tag of 680 articles).
    article = ContentType.objects.get_for_model(apps.get_model("news", "Article"))
    return Exists(
        TaggedItem.objects.filter(
            content_type=article, object_id=OuterRef("pk"), **{_field("tag", field): value}
        )
    )


def _partnered(value, field):
    roles = apps.get_model("news", "ArticlePartner").objects
    return Exists(roles.filter(article=OuterRef("pk"), **{_field("partner", field): value}))


def _live_programs():
    return Program.objects.live()


def _live_tags():
    from .models import live_tags  # news.models imports this module

    return live_tags()


def _public_partners():
    """Partners named on a live program or a live article: a partner entered for a story not
    yet out stays unknown, as a tag used only by a draft does."""
    Article = apps.get_model("news", "Article")
    on_programs = Program.objects.live().filter(partner_roles__partner=OuterRef("pk"))
    on_articles = Article.objects.live().filter(partner_roles__partner=OuterRef("pk"))
    return Partner.objects.filter(Exists(on_programs) | Exists(on_articles))


HUBS = (
    Hub("department", "departments", Department, "department", "site:department-detail",
        Department.objects.all),
    Hub("theme", "themes", Theme, "themes", "site:theme-detail", Theme.objects.all),
    # A program's page is its own detail page, listed in the programs sitemap section.
    Hub("program", "programs", Program, "programs", "programs:program-detail", _live_programs,
        sitemap_section=False),
    Hub("country", "countries", Country, "countries", "site:country-detail",
        Country.objects.gms),
    Hub("tag", "tags", Tag, "tags", "site:tag-detail", _live_tags, semi_join=_tagged),
    Hub("partner", "partners", Partner, "partner_roles__partner", "site:partner-detail",
        _public_partners, semi_join=_partnered),
)  # fmt: skip
BY_KIND = {hub.kind: hub for hub in HUBS}
BY_MODEL = {hub.model: hub for hub in HUBS}
