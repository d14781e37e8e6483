"""Template helpers for the public pages: JSON-LD, department accents, dates, machine-readable
times, image sizes."""

import html
import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from mi_site.core import eventdates, times

register = template.Library()

ACCENTS = 6  # number of --accent-N colours in static/css/tokens.css

# As Django's json_script: these three characters could end the <script> element or start
# an HTML comment, so they are escaped inside the JSON (where \u003C means the same thing).
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class JSONLDEncoder(DjangoJSONEncoder):
    """Django's encoder with datetimes to the whole second, as every machine-readable time."""

    def default(self, o):
        return super().default(times.to_the_second(o))


def esc(value) -> str:
    """`conditional_escape()` for HTML built in Python many times a page (cards, menus):
    escaped unless already safe HTML, without the lazy-argument check Django's `escape()`
    makes on every call, which cost more than the escaping."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


@register.filter
def jsonld(data: dict) -> str:
    """A JSON-LD block: data for machines, never executed, safe whatever the strings hold."""
    payload = json.dumps(data, cls=JSONLDEncoder, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.filter
def machine_time(moment) -> str:
    """`<time datetime="{{ article.publish_at|machine_time }}">`: ISO 8601 to the second, with
    the offset. Django's `|date:'c'` keeps microseconds, which the HTML standard forbids."""
    return times.machine_time(moment)


@register.filter
def accent(obj) -> str:
    """A stable colour class for a department (or any saved object): `accent-1`..`accent-6`."""
    if obj is None or obj.pk is None:
        return "accent-0"
    return f"accent-{(obj.pk - 1) % ACCENTS + 1}"


@register.simple_tag
def date_range(start, end=None) -> str:
    """Dates to the day as MI writes them, with an en dash: "5\u20137 March 2024", "30
    November \u2013 2 December 2020" (only what changes is repeated; mi_site/core/eventdates.py)."""
    return eventdates.describe(start, end) if start else ""


@register.simple_tag
def year_span(start, end=None) -> str:
    """A program's years at a glance: "2017-2020" (en dash), "2024", "From 2021", "Until 2030"."""
    if start and end:
        return str(start.year) if start.year == end.year else f"{start.year}\u2013{end.year}"
    if start:
        return f"From {start.year}"
    return f"Until {end.year}" if end else ""


@register.filter
def kind(obj) -> str:
    """What the item is, in words: "article", "staff profile", "program"."""
    return str((getattr(obj, "_meta", None) and obj._meta.verbose_name) or "page")
