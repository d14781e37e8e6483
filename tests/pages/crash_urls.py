"""The site's URLs plus one view that always fails, to see the 500 page as readers would."""

from django.urls import path

from mi_site.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401


def crash(request):
    raise RuntimeError("the database is on fire")


urlpatterns = [path("crash/", crash), *urlpatterns]
