from django.views.generic import DetailView, ListView

from mi_site.core.views import LiveMixin

from .models import Article


class ArticleListView(LiveMixin, ListView):
    model = Article
    paginate_by = 12
    queryset = Article.objects.select_related("department")


class ArticleDetailView(LiveMixin, DetailView):
    model = Article
    queryset = Article.objects.select_related("department")
