from django.apps import AppConfig


class MiSiteConfig(AppConfig):
    """The composition layer: roles migration and site-wide management commands."""

    name = "mi_site"
    verbose_name = "MI Site"
