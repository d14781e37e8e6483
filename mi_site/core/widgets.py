"""Form widgets for public pages."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .templatetags.public import esc


class PlainSelect(forms.Select):
    """A single-choice `<select>` built in Python, with the same markup as Django's.

    Django renders every `<option>` through a template of its own; for the news list's 200
    programs that took longer than the rest of the page. Only flat choices (no groups).
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**self.build_attrs(self.attrs, attrs), "name": name}
        chosen = self.format_value(value)
        # Not format_html_join(): its per-argument checks took longer than the options.
        options = "\n".join(
            f'<option value="{esc(key)}"{" selected" if str(key) in chosen else ""}>'
            f"{esc(label)}</option>"
            for key, label in self.choices
        )
        return format_html("<select{}>\n{}\n</select>", flatatt(attrs), mark_safe(options))  # noqa: S308
