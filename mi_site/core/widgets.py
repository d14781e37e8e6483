"""Form widgets for public pages."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    """A single-choice `<select>` built in Python, with the same markup as Django's.

    Django renders every `<option>` through a template of its own; for the news list's 200
    programs that took longer than the rest of the page. Only flat choices (no groups).
    """

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**self.build_attrs(self.attrs, attrs), "name": name}
        chosen = self.format_value(value)
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        return format_html("<select{}>\n{}\n</select>", flatatt(attrs), options)
