from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "mi_site.core"
    label = "core"
    verbose_name = "MI Site kernel"

    def ready(self):
        from taggit.models import Tag

        from . import contentversion, tags

        tags.connect(Tag)
        contentversion.connect()
