"""The news list's filters: a form bound to `request.GET`.

Each menu offers only what the public may see (live programs, years and tags of live
articles), and a value that is not on offer makes the form invalid, which the view answers
with a 404: a mistyped or stale link never shows an unfiltered list as if it were filtered.
"""

from django import forms

from mi_site.core.widgets import PlainSelect
from programs.models import Country, Department, Program, Theme

from . import hubs
from .models import Article

# Every hub of news/hubs.py is a filter by its slug; its condition never matches an article
# twice, so the list needs no DISTINCT.
FILTERS = [hub.kind for hub in hubs.HUBS]
# Tags and partners are too many for a menu: they arrive from a link (the tag's or partner's
# page) and are kept as hidden fields, checked against the hub's public rows.
LINKED_FILTERS = ["tag", "partner"]


class NewsFilterForm(forms.Form):
    department = forms.ChoiceField(label="Department", required=False, widget=PlainSelect)
    theme = forms.ChoiceField(label="Theme", required=False, widget=PlainSelect)
    program = forms.ChoiceField(label="Program", required=False, widget=PlainSelect)
    country = forms.ChoiceField(label="Country", required=False, widget=PlainSelect)
    year = forms.ChoiceField(label="Year", required=False, widget=PlainSelect)
    tag = forms.SlugField(required=False, widget=forms.HiddenInput)
    partner = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.linked = {}  # "tag" -> the Tag a linked filter names
        menus = {
            "department": ("All departments", Department.objects.values_list("slug", "name")),
            "theme": ("All themes", Theme.objects.values_list("slug", "name")),
            "program": ("All programs", Program.objects.live().values_list("slug", "title")),
            "country": ("All countries", Country.objects.values_list("slug", "name")),
            "year": ("All years", self.year_choices()),
        }
        for name, (everything, choices) in menus.items():
            self.fields[name].choices = [("", everything), *choices]

    @staticmethod
    def year_choices():
        return [(str(year), str(year)) for year in Article.objects.live_years()]

    def clean(self):
        for name in LINKED_FILTERS:
            if slug := self.cleaned_data.get(name):
                found = hubs.BY_KIND[name].public().filter(slug=slug).first()
                if found is None:
                    self.add_error(name, forms.ValidationError(
                        f"No news has this {name}.", code=f"unknown_{name}"
                    ))  # fmt: skip
                self.linked[name] = found
        return self.cleaned_data

    def filter(self, articles):
        for name in FILTERS:
            if slug := self.cleaned_data.get(name):
                articles = articles.filter(hubs.BY_KIND[name].condition(slug, field="slug"))
        if year := self.cleaned_data.get("year"):
            articles = articles.filter(publish_at__year=year)
        return articles

    def active_filters(self) -> list[tuple[str, str]]:
        """(field name, what the reader chose) for each filter in use, in the form's order."""
        active = []
        for name in self.fields:  # the form's order, which the canonical address keeps
            value = self.cleaned_data.get(name)
            if not value:
                continue
            if name in LINKED_FILTERS:
                label = str(self.linked[name])
            else:
                label = dict(self.fields[name].choices)[value]
            active.append((name, label))
        return active
