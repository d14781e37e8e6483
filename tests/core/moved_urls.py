"""A URLconf that mounts the news elsewhere, for `slug_path()`'s tests."""

from django.urls import include, path

urlpatterns = [path("archive/", include("news.urls"))]
