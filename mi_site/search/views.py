"""/search/: the search page. Without words, a page that says how to search (never every row);
with words, a page of ranked results, never cached and never indexed by search engines."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from mi_site.core.seo import Crumb, page_meta

from . import engine
from .forms import SearchForm
from .query import parse

EXAMPLES = ["P-LINK", "PROSAFE", "labour migration", "rice", "cross-border e-commerce"]


def _meta(request, query, page):
    crumbs = [Crumb("Home", reverse("site:home")), Crumb("Search", reverse("site:search"))]
    if not query.text:
        return page_meta(
            request,
            title="Search",
            description="Search the Mekong Institute's news, staff, programs, partners and pages.",
            breadcrumbs=crumbs,
        )
    title = f"Search: {query.text}"
    if page is not None and page.number > 1:
        title += f" (page {page.number})"
    return page_meta(
        request,
        title=title,
        description=f"Mekong Institute pages that match \u201c{query.text}\u201d.",
        breadcrumbs=crumbs,
        canonical=reverse("site:search"),
        noindex=True,
    )


def _page_number(request) -> int:
    """The page asked for; anything but a whole number from 1 up is a 404, as on the news."""
    value = request.GET.get("page") or "1"
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise Http404("No such page of results.")
    return int(value)


@never_cache  # results follow the content: a cached page could show what is no longer public
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        raise Http404("Unknown search filter.")
    query = parse(form.cleaned_data["q"])
    context = {"form": form, "query": query, "examples": EXAMPLES, "page_obj": None}
    if query:
        now = timezone.now()
        number = _page_number(request)
        found = engine.hits(query, form.filters(), now, page=number)
        paginator = Paginator(found, engine.PER_PAGE)
        try:
            page = paginator.page(number)
        except InvalidPage as error:
            raise Http404("No such page of results.") from error
        context.update(
            page_obj=page,
            more=found.more,  # "more than 1,000 results": the count stops there
            counted=f"{engine.MAX_COUNTED:,}",
            results=engine.results(page.object_list, query, now),
            page_range=list(paginator.get_elided_page_range(page.number, on_each_side=1)),
            active_filters=form.active_filters(),
        )
    context["meta"] = _meta(request, query, context["page_obj"])
    return render(request, "site/search.html", context)
