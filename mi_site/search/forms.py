"""The search form, bound to `request.GET`: the words, and filters by type, department,
country and year. The words are never refused (query.py makes any input safe); a filter value
that is not on offer makes the form invalid, which the view answers with a 404, as the news
list does."""

from django import forms

from mi_site.core.widgets import PlainSelect
from news.models import Article
from programs.models import Country, Department

from .engine import Filters
from .query import MAX_LENGTH
from .registry import BY_NAME, KINDS


class WordsField(forms.CharField):
    """Free text, cleaned later: a NUL or control character is not an error here."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = []  # CharField refuses NUL; query.parse() removes it instead


class SearchForm(forms.Form):
    q = WordsField(
        label="Search for", required=False, strip=False,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": MAX_LENGTH}),
    )  # fmt: skip
    type = forms.ChoiceField(label="Type", required=False, widget=PlainSelect)
    department = forms.ChoiceField(label="Department", required=False, widget=PlainSelect)
    country = forms.ChoiceField(label="Country", required=False, widget=PlainSelect)
    year = forms.ChoiceField(label="Year", required=False, widget=PlainSelect)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        years = [(str(year), str(year)) for year in Article.objects.live_years()]
        menus = {
            "type": ("Everything", [(kind.name, kind.plural) for kind in KINDS]),
            "department": ("All departments", Department.objects.values_list("slug", "name")),
            "country": ("All countries", Country.objects.values_list("slug", "name")),
            "year": ("Any year", years),
        }
        for name, (everything, choices) in menus.items():
            self.fields[name].choices = [("", everything), *choices]

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            kind=BY_NAME.get(data["type"]),
            department=data["department"] or None,
            country=data["country"] or None,
            year=int(data["year"]) if data["year"] else None,
        )

    def active_filters(self) -> list[str]:
        """What the reader chose, in words: "People", "Lao PDR"."""
        return [
            dict(self.fields[name].choices)[self.cleaned_data[name]]
            for name in ("type", "department", "country", "year")
            if self.cleaned_data.get(name)
        ]
