"""The news list (with filters) and the article page."""

from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import DetailView, ListView

from images.share import share_image
from mi_site.core.pagination import ElidedPaginationMixin
from mi_site.core.seo import Crumb, PageMetaMixin, describe, organization, page_meta
from mi_site.core.views import LiveMixin, ReachableMixin
from people.models import Person
from programs.models import Program
from programs.views import partner_groups

from .forms import NewsFilterForm
from .models import Article, ArticlePartner

RELATED_COUNT = 3
PARTNER_HEADINGS = {
    ArticlePartner.Role.FUNDER: "Supported by",
    ArticlePartner.Role.CO_ORGANISER: "Organised with",
    ArticlePartner.Role.IMPLEMENTING: "Implemented with",
    ArticlePartner.Role.OTHER: "Partners",
}


def news_crumbs(*more: Crumb) -> list[Crumb]:
    return [Crumb("Home", reverse("site:home")), Crumb("News", reverse("news:article-list")), *more]


class ArticleListView(PageMetaMixin, ElidedPaginationMixin, LiveMixin, ListView):
    model = Article
    paginate_by = 12
    queryset = Article.objects.for_cards()

    def get(self, request, *args, **kwargs):
        self.form = NewsFilterForm(request.GET)
        if not self.form.is_valid():
            raise Http404("Unknown news filter.")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.form.filter(super().get_queryset())

    def get_context_data(self, **kwargs):
        self.active_filters = self.form.active_filters()
        removals = [(label, self.url_without(name)) for name, label in self.active_filters]
        return super().get_context_data(
            form=self.form, active_filters=self.active_filters, removals=removals, **kwargs
        )

    def url_without(self, name: str) -> str:
        """This list without one filter (and back on its first page)."""
        query = self.request.GET.copy()
        for key in (name, self.page_kwarg):
            query.pop(key, None)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    def get_meta(self, context):
        page = context["page_obj"]
        chosen = ", ".join(label for _, label in self.active_filters)
        title = f"News: {chosen}" if chosen else "News"
        if page.number > 1:
            title += f" (page {page.number} of {page.paginator.num_pages})"
        # The canonical address keeps only what selects this page, in a fixed order.
        query = {name: self.form.cleaned_data[name] for name, _ in self.active_filters}
        if page.number > 1:
            query["page"] = page.number
        canonical = reverse("news:article-list")
        if query:
            canonical += f"?{urlencode(query)}"
        return page_meta(
            self.request,
            title=title,
            description=describe(
                f"News from the Mekong Institute about {chosen}." if chosen else "",
                fallback="News from the Mekong Institute: workshops, trainings, policy "
                "dialogues and research across the Greater Mekong Subregion.",
            ),
            breadcrumbs=news_crumbs(),
            canonical=canonical,
            # Filter combinations are endless; the department, country, theme and tag pages
            # are the addresses search engines should keep.
            noindex=bool(query),
        )


class ArticleDetailView(PageMetaMixin, ReachableMixin, DetailView):
    model = Article

    def get_queryset(self):
        # Built per request: `.live()` reads the clock, so a class-level queryset would
        # freeze "now" at import time and hide whatever went live since.
        return (
            super()
            .get_queryset()
            .for_cards()
            .prefetch_related(
                "extra_departments",
                "themes",
                "countries",
                "tags",
                "documents",
                Prefetch(
                    "partner_roles", queryset=ArticlePartner.objects.select_related("partner")
                ),
                # Live only: a draft program or profile must not show on a live article.
                Prefetch("programs", queryset=Program.objects.live()),
                Prefetch(
                    "people",
                    queryset=Person.objects.live().order_by("leadership_rank", "sort_name"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        related = Article.objects.related_to(self.object, limit=RELATED_COUNT)
        groups = partner_groups(self.object.partner_roles.all(), PARTNER_HEADINGS)
        return super().get_context_data(related=related, partner_groups=groups, **kwargs)

    def get_meta(self, context):
        article = self.object
        meta = page_meta(
            self.request,
            title=article.seo_title or article.title,
            description=describe(article.seo_description, article.standfirst, article.body),
            breadcrumbs=news_crumbs(Crumb(article.title, article.get_absolute_url())),
            **share_image(article.placed_hero),
            og_type="article",
        )
        meta.structured_data.insert(0, news_article(self.request, article, meta))
        return meta


def partners_in(article, role) -> list[dict]:
    """schema.org Organizations for the article's partners in `role` (prefetched)."""
    return [
        {key: value for key, value in organisation.items() if value}
        for organisation in (
            {"@type": "Organization", "name": link.partner.name, "url": link.partner.website}
            for link in article.partner_roles.all()
            if link.role == role
        )
    ]


def news_article(request, article, meta) -> dict:
    """schema.org NewsArticle: what search engines need for a news result."""
    publisher = organization(request, context=False)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": meta.description,
        "url": meta.canonical,
        "mainEntityOfPage": meta.canonical,
        "image": [meta.image],
        "datePublished": article.publish_at,
        # A scheduled article was saved before it went live: it changed when it went live.
        "dateModified": max(filter(None, [article.updated_at, article.publish_at])),
        "author": publisher,
        "publisher": publisher,
        "articleSection": article.department.name if article.department else None,
        "keywords": [tag.name for tag in article.tags.all()],
        # Who paid for the work, and who organised it with MI.
        "funder": partners_in(article, ArticlePartner.Role.FUNDER),
        "sponsor": partners_in(article, ArticlePartner.Role.CO_ORGANISER),
    }
    return {key: value for key, value in data.items() if value}
