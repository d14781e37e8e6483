from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = "Media library"

    def ready(self):
        from mi_site.core.richtext import after_sanitizing

        from . import richtext, signals  # noqa: F401  (renditions after commit)

        # Rich text keeps a stable reference to each library image it shows (richtext.py).
        after_sanitizing(richtext.add_references)
