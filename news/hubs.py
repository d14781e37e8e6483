"""The one registry of hubs: the kinds of thing an article belongs to and that have a page of
their own, a feed of its news and a news-list filter.

Each entry names the model, how an article links to it (`lookup`), the public page's URL name,
the address prefix of its feeds and its sitemap section, and which of its rows are public.
Everything else is derived from here: `Article.objects.about(hub)`, the news filter's lookups,
the per-hub RSS and Atom feeds (`mi_site/feeds_urls.py`) and the hub sitemap sections
(`mi_site/sitemaps.py`). A new kind of hub is one entry here, its page's view and template.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet
from taggit.models import Tag

from mi_site.core.paths import slug_path
from programs.models import Country, Department, Program, Theme


@dataclass(frozen=True)
class Hub:
    kind: str  # "department": the news filter's name and the feeds' URL names
    plural: str  # "departments": the feeds' address prefix and the sitemap section
    model: type
    lookup: str  # the article's relation to it: "department", "themes", ...
    page: str  # the URL name of its public page
    public: Callable[[], QuerySet]  # the rows with a public page and feed
    sitemap_section: bool = True  # False where another section lists its pages already

    def path(self, obj) -> str:
        return slug_path(self.page, obj.slug)


def _live_programs():
    return Program.objects.live()


def _live_tags():
    from .models import live_tags  # news.models imports this module

    return live_tags()


HUBS = (
    Hub("department", "departments", Department, "department", "site:department-detail",
        Department.objects.all),
    Hub("theme", "themes", Theme, "themes", "site:theme-detail", Theme.objects.all),
    # A program's page is its own detail page, listed in the programs sitemap section.
    Hub("program", "programs", Program, "programs", "programs:program-detail", _live_programs,
        sitemap_section=False),
    Hub("country", "countries", Country, "countries", "site:country-detail",
        Country.objects.gms),
    Hub("tag", "tags", Tag, "tags", "site:tag-detail", _live_tags),
)  # fmt: skip
BY_KIND = {hub.kind: hub for hub in HUBS}
BY_MODEL = {hub.model: hub for hub in HUBS}
