"""The news list's filters: a form bound to `request.GET`.

Each menu offers only what the public may see (live programs, years and tags of live
articles), and a value that is not on offer makes the form invalid, which the view answers
with a 404: a mistyped or stale link never shows an unfiltered list as if it were filtered.
"""

from django import forms

from mi_site.core.widgets import PlainSelect
from programs.models import Country, Department, Program, Theme

from . import hubs
from .models import Article, live_tags

# Form field -> the article lookup it filters on. Slugs are unique, so no filter can match
# an article twice and the list needs no DISTINCT.
# The hubs' filters (news/hubs.py) and the year.
FILTER_LOOKUPS = {
    **{hub.kind: f"{hub.lookup}__slug" for hub in hubs.HUBS},
    "year": "publish_at__year",
}


class NewsFilterForm(forms.Form):
    department = forms.ChoiceField(label="Department", required=False, widget=PlainSelect)
    theme = forms.ChoiceField(label="Theme", required=False, widget=PlainSelect)
    program = forms.ChoiceField(label="Program", required=False, widget=PlainSelect)
    country = forms.ChoiceField(label="Country", required=False, widget=PlainSelect)
    year = forms.ChoiceField(label="Year", required=False, widget=PlainSelect)
    # Tags are too many for a menu: a tag arrives from a link and is kept as a hidden field.
    tag = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.tag = None
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

    def clean_tag(self):
        slug = self.cleaned_data["tag"]
        if slug:
            self.tag = live_tags().filter(slug=slug).first()
            if self.tag is None:
                raise forms.ValidationError("No news carries this tag.", code="unknown_tag")
        return slug

    def filter(self, articles):
        for name, lookup in FILTER_LOOKUPS.items():
            if value := self.cleaned_data.get(name):
                articles = articles.filter(**{lookup: value})
        return articles

    def active_filters(self) -> list[tuple[str, str]]:
        """(field name, what the reader chose) for each filter in use, in the form's order."""
        active = []
        for name in self.fields:  # the form's order, which the canonical address keeps
            value = self.cleaned_data.get(name)
            if not value:
                continue
            label = self.tag.name if name == "tag" else dict(self.fields[name].choices)[value]
            active.append((name, label))
        return active
