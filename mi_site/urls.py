from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("editor/", include("mi_site.core.urls")),
    path("news/", include("news.urls")),
    path("people/", include("people.urls")),
    path("programs/", include("programs.urls")),
    path("", include("mi_site.pages.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
