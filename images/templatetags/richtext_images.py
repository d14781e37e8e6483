"""`{% load richtext_images %}` and `{{ article.body|with_renditions }}`: sanitised rich text
with each library image served as renditions (images/richtext.py), in one query.

Only for rich-text fields, whose values are sanitised on every write: the result is marked
safe, as `|safe` would (tests/core/test_richtext_templates.py holds templates to that).
"""

from django import template

from images import richtext

register = template.Library()


@register.filter
def with_renditions(value):
    return richtext.with_renditions(value)
