"""Pages that span apps: home, hub pages for departments, countries, themes and tags, health."""

from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView
from taggit.models import Tag

from news.models import Article
from programs.models import Country, Department, Program, Theme


def home(request):
    articles = Article.objects.live().select_related("department")
    return render(
        request,
        "site/home.html",
        {
            "featured": articles.filter(featured=True).first(),
            "latest": articles[:6],
            "programs": Program.objects.live().select_related("department")[:6],
            "departments": Department.objects.all(),
        },
    )


class HubDetailView(DetailView):
    """A department, country or theme page: the object and its live news."""

    template_name = "site/hub_detail.html"
    news_filter = ""

    def get_context_data(self, **kwargs):
        news = Article.objects.live().filter(**{self.news_filter: self.object})
        return super().get_context_data(
            news=news.select_related("department").distinct()[:12], **kwargs
        )


class DepartmentDetailView(HubDetailView):
    model = Department
    news_filter = "department"


class CountryDetailView(HubDetailView):
    model = Country
    news_filter = "countries"


class ThemeDetailView(HubDetailView):
    model = Theme
    news_filter = "themes"


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    news = Article.objects.live().filter(tags__slug=slug).select_related("department")
    return render(request, "site/hub_detail.html", {"object": tag, "news": news.distinct()[:12]})


@never_cache
def healthz(request):
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return JsonResponse({"status": "ok"})
