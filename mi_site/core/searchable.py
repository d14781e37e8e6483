"""What a model gives site search: its text by weight, and where the index of it is stored.

A searchable model names its own fields by weight (`search_fields`: A the title or name; B the
standfirst, summary or position; C the body) and the names of the things it belongs to
(`search_names()`: department, countries, themes, tags; weight D). `document()` turns an item
into that text with markup removed. The search package (`mi_site/search/`, composition) keeps
the stored index current from it on every save and when a related name changes: on
PostgreSQL in `search_vector` (a weighted `tsvector`, GIN-indexed) and `search_lead` (the
same for the title and lead alone, small enough to test on every row a search ranks), on
SQLite in an FTS5 table. Both vectors are derived data: versions do not store them
(`revision_exclude`).
"""

import html
import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from .richtext import SanitizedHTMLField

_TAG = re.compile(r"<[^>]*>")
_CONTROL = {"Cc", "Cf", "Cs", "Co", "Cn"}


def clean_text(text: str) -> str:
    """`text` on one line: NFKC-normalised, without control characters, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(" " if unicodedata.category(c) in _CONTROL else c for c in text)
    return " ".join(text.split())


def plain_text(value: str) -> str:
    """Rich text as the reader sees it: tags gone (each a space, so paragraphs do not run
    together), entities decoded. The sanitiser has already removed scripts and styles."""
    return clean_text(html.unescape(_TAG.sub(" ", value or "")))


@dataclass(frozen=True)
class SearchDocument:
    title: str  # A
    lead: str = ""  # B
    body: str = ""  # C
    names: str = ""  # D

    def by_weight(self) -> tuple[str, str, str, str]:
        return (self.title, self.lead, self.body, self.names)


class Searchable(models.Model):
    """Abstract base: the stored search vector and the text it is made from."""

    search_vector = SearchVectorField(
        null=True, editable=False, help_text="Kept current by site search; never edited."
    )
    search_lead = SearchVectorField(
        null=True,
        editable=False,
        help_text="The title and lead alone (ranks title matches); kept by site search.",
    )

    # Field names by weight; rich-text fields lose their markup.
    search_fields: dict[str, tuple[str, ...]] = {"A": ("title",)}
    # Relations `search_names()` reads: select_related, prefetch_related (bulk indexing).
    search_select_related: tuple[str, ...] = ()
    search_prefetch_related: tuple[str, ...] = ()
    revision_exclude = ("search_vector", "search_lead")

    class Meta:
        abstract = True

    def search_names(self) -> list[str]:
        """Names of related things a reader may search by (weight D)."""
        return []

    def search_field_text(self, weight: str) -> str:
        parts = []
        for name in self.search_fields.get(weight, ()):
            value = getattr(self, name) or ""
            field = self._meta.get_field(name)
            parts.append(plain_text(value) if isinstance(field, SanitizedHTMLField) else value)
        return clean_text(" ".join(str(part) for part in parts))


def document(item: Searchable) -> SearchDocument:
    """Everything search indexes about `item`."""
    return SearchDocument(
        title=item.search_field_text("A"),
        lead=item.search_field_text("B"),
        body=item.search_field_text("C"),
        names=clean_text(" ".join(name for name in item.search_names() if name)),
    )


def snippet_source(item: Searchable) -> str:
    """The text a result's snippet is cut from: lead and body, without relations (no query)."""
    parts = (item.search_field_text("B"), item.search_field_text("C"))  # each already clean
    return " ".join(part for part in parts if part)
