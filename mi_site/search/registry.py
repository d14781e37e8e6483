"""The kinds of thing search finds: one entry each, and everything else derives from it (the
type filter, which filters apply, what a result shows, what the index holds).

`public(now)` is the only way search reads a kind: the rows the public may see at `now`,
through `live()` (people: live and still on the staff; partners: named by live content, as
their pages are, news/hubs.py). A new kind of result is one entry here.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from mi_site.core.searchable import Searchable
from mi_site.pages.models import Page
from news.hubs import BY_KIND
from news.models import Article
from people.models import Person
from programs.models import Partner, Program


@dataclass(frozen=True)
class Kind:
    name: str  # the type filter's value: "article"
    label: str  # what a result says it is: "News"
    plural: str  # the type filter's choice: "News", "People"
    model: type[Searchable]
    code: int  # 1-7: SQLite's index row is pk * 8 + code; the union's kind column
    public: Callable[[datetime], QuerySet]
    name_field: str  # the title or name: title matches rank first; misspelt names (PostgreSQL)
    named: bool = False  # a person, program or partner: its own page ranks above news of it
    department: str = ""  # lookup of the department filter, "" when it does not apply
    country: str = ""  # lookup of the country filter
    year: Callable[[int], Q] | None = None  # rows of that year, None when it does not apply
    dated: bool = True  # has a publish time, which breaks ties (newest first)
    large: bool = False  # thousands of rows: ranked a tier at a time, newest first (engine.py)

    def filtered(self, queryset: QuerySet, *, department=None, country=None, year=None):
        """`queryset` narrowed by the chosen filters, or None when a filter does not apply to
        this kind (people have no year): then the kind is left out of the results."""
        if department is not None:
            if not self.department:
                return None
            queryset = queryset.filter(**{self.department: department})
        if country is not None:
            if not self.country:
                return None
            queryset = queryset.filter(**{self.country: country})
        if year is not None:
            if self.year is None:
                return None
            queryset = queryset.filter(self.year(year))
        return queryset


def _running_in(year: int) -> Q:
    """Programs that ran during `year` (open-ended ones still run)."""
    started = Q(start_date__isnull=True) | Q(start_date__year__lte=year)
    return started & (Q(end_date__isnull=True) | Q(end_date__year__gte=year))


KINDS = (
    Kind(
        "article", "News", "News", Article, code=1,
        public=lambda now: Article.objects.live(now).select_related("department"),
        name_field="title", department="department__slug", country="countries__slug",
        year=lambda year: Q(publish_at__year=year), large=True,
    ),
    Kind(
        "person", "Person", "People", Person, code=2,
        public=lambda now: Person.objects.listed(now).select_related("department"),
        name_field="display_name", named=True, department="department__slug",
    ),
    Kind(
        "program", "Program", "Programs", Program, code=3,
        public=lambda now: Program.objects.live(now).select_related("department"),
        name_field="title", named=True, department="department__slug",
        country="countries__slug", year=_running_in,
    ),
    Kind(
        "partner", "Partner", "Partners", Partner, code=4,
        public=lambda now: BY_KIND["partner"].public().select_related("country"),
        name_field="name", named=True, country="country__slug", dated=False,
    ),
    Kind(
        "page", "Page", "Pages", Page, code=5,
        public=lambda now: Page.objects.live(now), name_field="title",
    ),
)  # fmt: skip
BY_NAME = {kind.name: kind for kind in KINDS}
BY_CODE = {kind.code: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}
