"""The site's URLs plus one view whose query outlasts any statement timeout."""

from django.db import connection
from django.http import HttpResponse
from django.urls import path

from mi_site.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401


def slow(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("too late")


urlpatterns = [path("slow/", slow), *urlpatterns]
