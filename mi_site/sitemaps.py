"""What search engines are told: the sitemap (an index plus one section per kind of page) and
robots.txt pointing at it.

Every section lists live pages only, each with a `lastmod`:
- articles, people and programs changed when they were last saved or when they went live,
  whichever is later (a scheduled item was saved before it appeared);
- departments, countries, themes and tags changed when their newest live article appeared,
  and one with no live article yet when the newest live content of the site did;
- the home page and the three lists changed when the newest live item they show did.

The newest times are read once per request (`LiveSummary`) and shared by every section, so the
index and each section run a fixed, small number of queries however much content there is.
"""

from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import DateTimeField, OuterRef, Subquery
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from taggit.models import Tag

from mi_site.core.paths import slug_path
from mi_site.core.times import to_the_second
from news.forms import live_tags
from news.models import Article
from people.models import Person
from programs.models import Country, Department, Program, Theme

SITEMAP_URLS_PER_PAGE = 1000  # the protocol allows 50,000; a page of 1,000 renders in tens of ms


def latest(*times):
    """The newest of `times` (None ignored) to the whole second, as every `lastmod` is given."""
    return to_the_second(max((t for t in times if t), default=None))


def newest(queryset):
    """The newest change among `queryset`'s items (saved or gone live), or None when empty.

    Not `aggregate(Max(...))`, which reads every live row: each time is the first row of an
    index walked newest first (`..._live` and `..._saved`), as two subqueries of one query
    over any one row of `queryset`.
    """

    def first(field):
        return Subquery(queryset.order_by(f"-{field}").values(field)[:1])

    row = (
        queryset.order_by()
        .annotate(published=first("publish_at"), saved=first("updated_at"))
        .values("published", "saved")
        .first()
    )
    return latest(*row.values()) if row else None


def public_people():
    # Former staff answer 410 Gone: they are not in the sitemap.
    return Person.objects.live().filter(is_active=True)


class LiveSummary:
    """The newest change per kind of live content, read at most once per request."""

    @cached_property
    def articles(self):
        return newest(Article.objects.live())

    @cached_property
    def programs(self):
        return newest(Program.objects.live())

    @cached_property
    def people(self):
        return newest(public_people())

    @property
    def site(self):
        return latest(self.articles, self.programs, self.people)


class BaseSitemap(Sitemap):
    limit = SITEMAP_URLS_PER_PAGE

    def __init__(self, summary: LiveSummary):
        self.summary = summary


class ContentSitemap(BaseSitemap):
    """Articles, people or programs: live items dated by their own timestamps."""

    kind = ""  # the LiveSummary attribute with this section's newest change

    def live(self):
        raise NotImplementedError

    def items(self):
        return self.live().only("slug", "updated_at", "publish_at").order_by("pk")

    def lastmod(self, item):
        return latest(item.updated_at, item.publish_at)

    def get_latest_lastmod(self):
        return getattr(self.summary, self.kind)


class ArticleSitemap(ContentSitemap):
    kind = "articles"

    def live(self):
        return Article.objects.live()


class PersonSitemap(ContentSitemap):
    kind = "people"

    def live(self):
        return public_people()


class ProgramSitemap(ContentSitemap):
    kind = "programs"

    def live(self):
        return Program.objects.live()


class HubSitemap(BaseSitemap):
    """Department, country, theme or tag pages, dated by their newest live article."""

    model = None

    def hubs(self):
        return self.model._default_manager.all()

    def items(self):
        articles = Article.objects.live().about(OuterRef("pk"), model=self.model)
        newest_article = articles.order_by("-publish_at").values("publish_at")[:1]
        annotated = self.hubs().annotate(
            newest_article=Subquery(newest_article, output_field=DateTimeField())
        )
        return annotated.order_by("pk")

    def lastmod(self, item):
        return item.newest_article or self.summary.site

    def get_latest_lastmod(self):
        # An upper bound that costs no query of its own: no hub changed after the site did.
        return self.summary.site


class DepartmentSitemap(HubSitemap):
    model = Department


class CountrySitemap(HubSitemap):
    model = Country


class ThemeSitemap(HubSitemap):
    model = Theme


class TagSitemap(HubSitemap):
    model = Tag

    def hubs(self):
        # A tag page exists for readers only when some live article carries the tag.
        return live_tags()

    def location(self, item):
        return slug_path("site:tag-detail", item.slug)


class StaticSitemap(BaseSitemap):
    """The home page and the four lists, dated by the newest live item each shows."""

    def items(self):
        return [
            "site:home",
            "news:article-list",
            "people:person-list",
            "programs:program-list",
            "site:department-list",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        summary = self.summary
        return {
            "site:home": latest(summary.articles, summary.programs),
            "news:article-list": summary.articles,
            "people:person-list": summary.people,
            "programs:program-list": summary.programs,
            "site:department-list": latest(summary.articles, summary.programs, summary.people),
        }[item] or summary.site

    def get_latest_lastmod(self):
        return self.summary.site


SITEMAPS = {
    "pages": StaticSitemap,
    "news": ArticleSitemap,
    "people": PersonSitemap,
    "programs": ProgramSitemap,
    "departments": DepartmentSitemap,
    "countries": CountrySitemap,
    "themes": ThemeSitemap,
    "tags": TagSitemap,
}


def sitemaps_for_request():
    summary = LiveSummary()
    return {name: sitemap(summary) for name, sitemap in SITEMAPS.items()}


# Django's own templates pass every entry through `{% spaceless %}` and the `date` filter,
# which cost more than the rest of a 1,000-URL section together.
def sitemap_index(request):
    return sitemap_views.index(
        request,
        sitemaps_for_request(),
        template_name="sitemaps/index.xml",
        sitemap_url_name="sitemap",
    )


def sitemap_section(request, section):
    return sitemap_views.sitemap(
        request, sitemaps_for_request(), section=section, template_name="sitemaps/section.xml"
    )


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap-index"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")
