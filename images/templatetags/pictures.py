"""`{% load pictures %}` and `{% picture thing crop="wide" sizes="…" priority=True class="…" %}`:
a library image (an `Image` or a page's `Placed` image) as `<picture>` with `srcset`
(images/markup.py). Renders "" for nothing; makes nothing, asks no database or storage."""

from django import template

from images.markup import picture as picture_html

register = template.Library()


@register.simple_tag
def picture(thing, crop="full", sizes="100vw", priority=False, alt=None, **options):
    css_class = options.pop("class", "")
    if options:
        raise template.TemplateSyntaxError(
            f"{{% picture %}} has no option {', '.join(options)}: use crop, sizes, priority, "
            "class or alt."
        )
    return picture_html(
        thing, crop=crop, sizes=sizes, priority=priority, css_class=css_class, alt=alt
    )
