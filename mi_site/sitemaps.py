"""What search engines are told: the sitemap (an index plus one section per kind of page) and
robots.txt pointing at it.

Every section lists live pages only, each with a `lastmod`:
- articles, people and programs changed when they were last saved or when they went live,
  whichever is later (a scheduled item was saved before it appeared);
- departments, countries, themes and tags changed when their newest live article appeared,
  and one with no live article yet when the newest live content of the site did;
- standalone pages (About, Governance, ...) likewise, in the "pages" section;
- the home page and the three lists changed when the newest live item they show did.

The newest times are read once per request (`LiveSummary`) and shared by every section, so the
index and each section run a fixed, small number of queries however much content there is.

A section is written out as plain strings (`sitemap_section`), not through a template, and its
articles, people and programs are read as rows, not models: a section of 1,000 URLs spent most
of its time building models and rendering template variables.
"""

import html
from datetime import datetime
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import DateTimeField, Max, OuterRef, Subquery
from django.db.models.functions import Greatest
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.cache import cache_control

from mi_site.core.paths import slug_paths
from mi_site.core.times import machine_time, to_the_second
from mi_site.pages.models import Page
from news.hubs import BY_KIND, HUBS
from news.models import Article
from people.models import Person
from programs.models import Program

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
    return Person.objects.listed()


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

    @cached_property
    def pages(self):
        return newest(Page.objects.live())

    @property
    def site(self):
        return latest(self.articles, self.programs, self.people)


class BaseSitemap(Sitemap):
    limit = SITEMAP_URLS_PER_PAGE

    def __init__(self, summary: LiveSummary):
        self.summary = summary

    def entries(self, items):
        """(path, lastmod) of each of `items`, one page of `items()`."""
        return [(self.location(item), self.lastmod(item)) for item in items]


class ContentSitemap(BaseSitemap):
    """Articles, people or programs: live items dated by their own timestamps.

    Items are (slug, changed) rows: what the entry needs, without building a model, and with
    the later of the two times picked by the database (a live item has both).
    """

    kind = ""  # the LiveSummary attribute with this section's newest change
    viewname = ""  # the detail page, as the model's get_absolute_url() names it

    def live(self):
        raise NotImplementedError

    def items(self):
        changed = Greatest("updated_at", "publish_at")
        return self.live().order_by("pk").annotate(changed=changed).values_list("slug", "changed")

    def location(self, item):
        return slug_paths(self.viewname)(item[0])

    def lastmod(self, item):
        return latest(item[1])

    def entries(self, items):
        path = slug_paths(self.viewname)
        return [(path(slug), to_the_second(changed)) for slug, changed in items]

    def get_latest_lastmod(self):
        return getattr(self.summary, self.kind)


class ArticleSitemap(ContentSitemap):
    kind = "articles"
    viewname = "news:article-detail"

    def live(self):
        return Article.objects.live()


class PersonSitemap(ContentSitemap):
    kind = "people"
    viewname = "people:person-detail"

    def live(self):
        return public_people()


class ProgramSitemap(ContentSitemap):
    kind = "programs"
    viewname = "programs:program-detail"

    def live(self):
        return Program.objects.live()


class PageSitemap(ContentSitemap):
    """Standalone pages, as (address, changed) rows: a page's address is its path of slugs."""

    kind = "pages"

    def items(self):
        changed = Greatest("updated_at", "publish_at")
        live = Page.objects.live().order_by("pk").annotate(changed=changed)
        return live.values_list("url_path", "changed")

    def location(self, item):
        return page_paths()(item[0])

    def entries(self, items):
        path = page_paths()
        return [(path(url_path), to_the_second(changed)) for url_path, changed in items]


def page_paths():
    """`Page.get_absolute_url()` for many pages, reversed once (see mi_site/core/paths.py)."""
    placeholder = "0page0"
    pattern = reverse("site:page-detail", kwargs={"url_path": placeholder})
    return lambda url_path: pattern.replace(placeholder, url_path, 1)


class HubSitemap(BaseSitemap):
    """The pages of one hub (news/hubs.py), each dated by its newest live article."""

    hub = None

    def items(self):
        articles = Article.objects.live().about(OuterRef("pk"), model=self.hub.model)
        newest_article = articles.order_by("-publish_at").values("publish_at")[:1]
        annotated = self.hub.public().annotate(
            newest_article=Subquery(newest_article, output_field=DateTimeField())
        )
        return annotated.order_by("pk")

    def location(self, item):
        return self.hub.path(item)

    def lastmod(self, item):
        return item.newest_article or self.summary.site

    def get_latest_lastmod(self):
        # An upper bound that costs no query of its own: no hub changed after the site did.
        return self.summary.site


class TagSitemap(HubSitemap):
    """Tags that some live article carries (`live_tags()`, the tags with a page), each dated
    by its newest live article.

    Read in one pass over the live articles' tags, grouped by tag, as (slug, newest) rows in
    tag order: asking each of hundreds of tags for its newest article cost more than that
    pass, and so did counting the live tags for the paginator, which a list needs no query
    for. The list is as long as the number of tags, not of articles.
    """

    hub = BY_KIND["tag"]

    def items(self):
        rows = (
            Article.objects.live()
            .filter(tags__isnull=False)
            .order_by()
            .values_list("tags__pk", "tags__slug")
            .annotate(newest=Max("publish_at"))
        )
        return [(slug, newest) for _, slug, newest in sorted(rows)]

    def location(self, item):
        return slug_paths("site:tag-detail")(item[0])

    def lastmod(self, item):
        return to_the_second(item[1])

    def entries(self, items):
        path = slug_paths("site:tag-detail")
        return [(path(slug), to_the_second(newest)) for slug, newest in items]


class StaticSitemap(BaseSitemap):
    """The home page and the four lists, dated by the newest live item each shows."""

    def items(self):
        return [
            "site:home",
            "news:article-list",
            "people:person-list",
            "programs:program-list",
            "site:department-list",
            "site:partner-list",
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
            "site:partner-list": latest(summary.articles, summary.programs),
        }[item] or summary.site

    def get_latest_lastmod(self):
        return self.summary.site


SITEMAPS = {
    "site": StaticSitemap,
    "pages": PageSitemap,
    "news": ArticleSitemap,
    "people": PersonSitemap,
    "programs": ProgramSitemap,
    # One section per hub with pages of its own (news/hubs.py); tags have a faster one.
    **{
        hub.plural: {"tag": TagSitemap}.get(hub.kind)
        or type(f"{hub.model.__name__}Sitemap", (HubSitemap,), {"hub": hub})
        for hub in HUBS
        if hub.sitemap_section
    },
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


@sitemap_views.x_robots_tag
def sitemap_section(request, section):
    """One page of a section, as Django's sitemap view answers it (404 for an unknown section
    or page, Last-Modified from the newest entry), written out entry by entry."""
    sitemap = sitemaps_for_request().get(section)
    if sitemap is None:
        raise Http404(f"No sitemap available for section: {section!r}")
    try:
        items = sitemap.paginator.page(request.GET.get("p", 1)).object_list
    except (EmptyPage, PageNotAnInteger) as exc:
        raise Http404("No such page of this sitemap.") from exc
    protocol = sitemap.get_protocol(request.scheme)
    base = f"{protocol}://{sitemap.get_domain(get_current_site(request))}"
    entries = sitemap.entries(items)
    lastmods = [lastmod for _, lastmod in entries]
    headers = None
    if lastmods and None not in lastmods:
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return HttpResponse(urlset(base, entries), content_type="application/xml", headers=headers)


def urlset(base: str, entries) -> str:
    """The section's XML: `<url>` per (path, lastmod), escaped as the template engine would."""
    as_text = lastmod_text()
    urls = "".join(
        f"<url><loc>{html.escape(base + path)}</loc>"
        + (f"<lastmod>{as_text(lastmod)}</lastmod>" if lastmod else "")
        + "</url>\n"
        for path, lastmod in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}</urlset>\n"
    )


def lastmod_text():
    """`machine_time` with the current time zone looked up once, not once per entry."""
    zone = timezone.get_current_timezone()

    def as_text(moment) -> str:
        if isinstance(moment, datetime) and timezone.is_aware(moment):
            return moment.astimezone(zone).isoformat(timespec="seconds")
        return machine_time(moment)

    return as_text


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap-index"))
    return render(request, "robots.txt", {"sitemap_url": sitemap_url}, content_type="text/plain")
