from django.urls import path, register_converter

from mi_site.search.views import search

from . import health, partners, standalone, views


class PagePathConverter:
    """Slugs joined by slashes (`about/governance`): the only addresses a page can have. No
    dots, so `/media/...jpg`, `robots.txt` and the sitemaps never reach the page view."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(PagePathConverter, "pagepath")

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("departments/", views.DepartmentListView.as_view(), name="department-list"),
    path(
        "departments/<slug:slug>/", views.DepartmentDetailView.as_view(), name="department-detail"
    ),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country-detail"),
    path("themes/<slug:slug>/", views.ThemeDetailView.as_view(), name="theme-detail"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag-detail"),
    path("partners/", partners.PartnerListView.as_view(), name="partner-list"),
    path("partners/<slug:slug>/", partners.PartnerDetailView.as_view(), name="partner-detail"),
    path("healthz", health.healthz, name="healthz"),
    path("search/", search, name="search"),
    # Last of all the site's addresses: a standalone page answers what nothing else claims.
    path("<pagepath:url_path>/", standalone.PageDetailView.as_view(), name="page-detail"),
]
