from django.urls import path

from . import health, views

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
    path("healthz", health.healthz, name="healthz"),
]
