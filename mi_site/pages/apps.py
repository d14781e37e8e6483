from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mi_site.pages"
    label = "pages"
    verbose_name = "Site pages"
