from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mi_site.core"
    label = "core"
    verbose_name = "MI Site kernel"
