"""A standalone page (About, Governance, Contact, ...) at its address: `/about/governance/`.

The address is looked up in the page's stored `url_path` (one indexed query); its ancestors,
for the breadcrumbs, are found by their addresses, which are the prefixes of its own (one more
query), and its live child pages are listed under the body.
"""

from django.urls import reverse
from django.views.generic import DetailView

from images.share import share_image
from mi_site.core.seo import (
    PUBLISHER_NAME,
    SCHEMA,
    Crumb,
    PageMetaMixin,
    describe,
    organization,
    page_meta,
)
from mi_site.core.views import ReachableMixin

from .models import Page


class PageDetailView(PageMetaMixin, ReachableMixin, DetailView):
    model = Page
    slug_field = slug_url_kwarg = "url_path"
    context_object_name = "page"
    template_name = "site/page_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("hero_image").prefetch_related("documents")

    def get_context_data(self, **kwargs):
        page = self.object
        # Only pages a reader may open: a draft parent is left out, never linked.
        self.ancestors = list(
            Page.objects.reachable()
            .filter(url_path__in=page.ancestor_paths())
            .only("title", "url_path")
            .order_by("url_path")
        )
        children = (
            Page.objects.live()
            .filter(parent=page)
            .only("title", "url_path", "standfirst", "seo_description")
        )
        return super().get_context_data(children=children, **kwargs)

    def get_meta(self, context):
        page = self.object
        crumbs = [Crumb("Home", reverse("site:home"))]
        crumbs += [Crumb(a.title, a.get_absolute_url()) for a in self.ancestors]
        crumbs.append(Crumb(page.title, page.get_absolute_url()))
        meta = page_meta(
            self.request,
            title=page.seo_title or page.title,
            description=describe(page.seo_description, page.standfirst, page.body),
            breadcrumbs=crumbs,
            **share_image(page.placed_hero),
            canonical=page.get_absolute_url(),
        )
        meta.structured_data.insert(0, web_page(self.request, page, meta))
        return meta


def web_page(request, page, meta) -> dict:
    """schema.org WebPage: what the page is, who publishes it and when it last changed."""
    data = {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": page.title,
        "description": meta.description,
        "url": meta.canonical,
        "image": meta.image,
        "datePublished": page.publish_at,
        "dateModified": max(filter(None, [page.updated_at, page.publish_at])),
        "isPartOf": {
            "@type": "WebSite",
            "name": PUBLISHER_NAME,
            "url": request.build_absolute_uri("/"),
        },
        "publisher": organization(request, context=False),
    }
    return {key: value for key, value in data.items() if value}
