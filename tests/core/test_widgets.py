"""`PlainSelect` renders the same markup as Django's `Select`, only faster."""

import pytest
from django import forms
from django.test.html import parse_html

from mi_site.core.widgets import PlainSelect

CHOICES = [("", "All programs"), ("a-b", "Trade & <investment>"), ("ຫຼວງ", "ຫຼວງພະບາງ"),
           ("x\"y", 'Quote "here"'), (2024, "2024")]  # fmt: skip


@pytest.mark.parametrize("value", [None, "", "a-b", "ຫຼວງ", 'x"y', "2024", "missing"])
def test_the_same_markup_as_djangos_select(value):
    attrs = {"id": "id_program", "aria-describedby": "help", "required": True}
    ours = PlainSelect(choices=CHOICES).render("program", value, attrs)
    django = forms.Select(choices=CHOICES).render("program", value, attrs)
    assert parse_html(ours) == parse_html(django)


def test_a_form_field_renders_with_it():
    class Filter(forms.Form):
        year = forms.ChoiceField(
            choices=[("", "All"), ("2025", "2025")], required=False, widget=PlainSelect
        )

    html = str(Filter({"year": "2025"})["year"])
    assert parse_html(html) == parse_html(
        '<select name="year" id="id_year"><option value="">All</option>'
        '<option value="2025" selected>2025</option></select>'
    )
