"""Pages that span apps: home, hub pages for departments, countries, themes and tags."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.generic import DetailView, ListView

from mi_site.core.seo import (
    PUBLISHER_DESCRIPTION,
    PUBLISHER_NAME,
    Crumb,
    FeedLink,
    PageMetaMixin,
    describe,
    organization,
    page_meta,
)
from news.hubs import BY_KIND
from news.models import Article
from people.models import Person
from people.views import PERSON_CARD_FIELDS
from programs.models import Country, Department, Program, ProgramStatus

HOME_NEWS_COUNT = 6
HOME_PROGRAM_COUNT = 6
HUB_NEWS_COUNT = 6


def home_crumbs(*more: Crumb) -> list[Crumb]:
    return [Crumb("Home", reverse("site:home")), *more]


def news_list_url(**filters) -> str:
    return f"{reverse('news:article-list')}?{urlencode(filters)}"


def feeds_for(kind: str, obj, name: str) -> list[FeedLink]:
    slug = {"slug": obj.slug}
    rss = reverse(f"feeds:{kind}-rss", kwargs=slug)
    return [FeedLink(f"News: {name}", rss, reverse(f"feeds:{kind}-atom", kwargs=slug))]


def home(request):
    articles = Article.objects.live().for_cards()
    featured = articles.filter(featured=True).first()
    latest = articles.exclude(pk=featured.pk) if featured else articles
    programs = Program.objects.live().with_status(ProgramStatus.ONGOING)
    meta = page_meta(
        request,
        title=f"{PUBLISHER_NAME}: regional cooperation in the Greater Mekong Subregion",
        description=PUBLISHER_DESCRIPTION,
        structured_data=[organization(request)],
    )
    context = {
        "meta": meta,
        "featured": featured,
        "latest": latest[:HOME_NEWS_COUNT],
        "programs": programs.select_related("department")[:HOME_PROGRAM_COUNT],
        "departments": Department.objects.all(),
        "countries": Country.objects.gms(),
    }
    return render(request, "site/home.html", context)


class DepartmentListView(PageMetaMixin, ListView):
    model = Department
    template_name = "site/department_list.html"

    def get_meta(self, context):
        return page_meta(
            self.request,
            title="Departments",
            description="The Mekong Institute's departments: agriculture, trade and "
            "investment, innovation and technology, energy and environment.",
            breadcrumbs=home_crumbs(Crumb("Departments", reverse("site:department-list"))),
        )


class HubDetailView(PageMetaMixin, DetailView):
    """A department, country or theme page: the object, its live programs and news."""

    hub = None  # news/hubs.py: which rows have a page, the feed kind, the news filter

    def get_queryset(self):
        return self.hub.public()

    program_filter = ""
    parent_crumb = None

    def get_context_data(self, **kwargs):
        news = Article.objects.live().about(self.object)
        context = {
            "news": news.for_cards()[:HUB_NEWS_COUNT],
            "all_news_url": news_list_url(**{self.hub.kind: self.object.slug}),
        }
        if self.program_filter:
            programs = Program.objects.live().filter(**{self.program_filter: self.object})
            context["programs"] = programs.select_related("department")
        return super().get_context_data(**context, **kwargs)

    def get_meta(self, context):
        obj = self.object
        crumbs = [self.parent_crumb()] if self.parent_crumb else []
        return page_meta(
            self.request,
            title=self.title(obj),
            description=self.description(obj),
            breadcrumbs=home_crumbs(*crumbs, Crumb(str(obj), obj.get_absolute_url())),
            feeds=feeds_for(self.hub.kind, obj, str(obj)),
            **self.more_meta(obj),
        )

    def more_meta(self, obj) -> dict:
        """More of `page_meta()`'s arguments: a share image, structured data."""
        return {}

    def title(self, obj) -> str:
        return str(obj)

    def description(self, obj) -> str:
        return describe(getattr(obj, "summary", ""), fallback=f"News from MI about {obj}.")


class DepartmentDetailView(HubDetailView):
    template_name = "site/department_detail.html"
    hub = BY_KIND["department"]
    program_filter = "department"

    @staticmethod
    def parent_crumb():
        return Crumb("Departments", reverse("site:department-list"))

    def get_context_data(self, **kwargs):
        staff = list(
            Person.objects.listed()
            .filter(department=self.object)
            .select_related("photo")
            .only("leadership_rank", *PERSON_CARD_FIELDS)  # a hundred cards, not profiles
            .order_by("leadership_rank", "sort_name")
        )
        directors = [p for p in staff if p.leadership_rank == Person.Rank.DIRECTOR]
        director = directors[0] if directors else None
        others = [person for person in staff if person is not director]
        return super().get_context_data(director=director, staff=others, **kwargs)

    def description(self, obj):
        return describe(obj.summary, obj.description, fallback=f"{obj.name} at MI.")


class CountryDetailView(HubDetailView):
    template_name = "site/country_detail.html"
    hub = BY_KIND["country"]  # the six GMS countries; others are named without a page
    program_filter = "countries"

    def title(self, obj):
        return f"{obj.name}: programs and news"

    def description(self, obj):
        return (
            f"The Mekong Institute in {obj.name}: the capacity programs that run there and "
            "the latest news."
        )


class ThemeDetailView(HubDetailView):
    template_name = "site/theme_detail.html"
    hub = BY_KIND["theme"]

    def description(self, obj):
        return describe(obj.summary, fallback=f"News from the Mekong Institute on {obj.name}.")


def tag_detail(request, slug):
    # A tag exists for readers only when some live article carries it.
    tag = get_object_or_404(BY_KIND["tag"].public(), slug=slug)
    news = Article.objects.live().about(tag).for_cards()
    programs = Program.objects.live().filter(tags__slug=slug).select_related("department")
    url = reverse("site:tag-detail", kwargs={"slug": slug})
    meta = page_meta(
        request,
        title=f"Tagged \u201c{tag.name}\u201d",
        description=f"News and programs of the Mekong Institute tagged \u201c{tag.name}\u201d.",
        breadcrumbs=home_crumbs(Crumb(f"Tag: {tag.name}", url)),
        feeds=feeds_for("tag", tag, tag.name),
    )
    context = {
        "meta": meta,
        "tag": tag,
        "news": news[:HUB_NEWS_COUNT],
        "programs": programs,
        "all_news_url": news_list_url(tag=slug),
    }
    return render(request, "site/tag_detail.html", context)
