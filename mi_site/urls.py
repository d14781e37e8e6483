from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from mi_site import sitemaps
from mi_site.core.views import shared_preview
from mi_site.pages import routes

urlpatterns = [
    # Password reset by e-mail and two-factor login, beside the admin site's own pages.
    path("admin/", include("mi_site.accounts.urls")),
    path("admin/", admin.site.urls),
    path("editor/", include("images.urls")),  # the rich-text editor's image upload
    path("share/<str:token>/", shared_preview, name="share-link"),
    path("news/", include("news.urls")),
    path("people/", include(routes.people)),
    path("programs/", include(routes.programs)),
    path("feeds/", include("mi_site.feeds_urls")),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemaps.sitemap_section, name="sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots-txt"),
    path("", include("mi_site.pages.urls")),
]

# Error pages in the site's design (mi_site.pages.errors); the 500 page needs no database.
handler403 = "mi_site.pages.errors.permission_denied"
handler404 = "mi_site.pages.errors.page_not_found"
handler500 = "mi_site.pages.errors.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
