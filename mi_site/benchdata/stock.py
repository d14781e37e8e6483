"""What bench rows are made from and linked to, read once, and the bulk writer of their links.

The demo's articles, people and programs are the templates whose text, pictures and captions
are cloned; departments, themes, countries, partners and tags are what clones link to.
Everything random comes from one seeded generator, so a given seed builds the same site.
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.db.models import DateTimeField, Value
from django.db.models.functions import Coalesce, Least
from taggit.models import Tag

from mi_site.core.progress import NoProgress
from mi_site.core.publishing import Status
from news.models import Article
from people.models import Person
from programs.models import Country, Department, Partner, Program, Theme

YEARS_OF_NEWS = 10
BATCH = 1000
# Clones are made from the oldest rows (the demo's), never from earlier clones.
TEMPLATES = 100
NEEDED = ("departments", "themes", "countries", "article_templates", "person_templates",
          "program_templates")  # fmt: skip


def templates(model: type[models.Model]) -> list:
    return list(model._default_manager.filter(status=Status.PUBLISHED).order_by("pk")[:TEMPLATES])


def numbered(slug: str, number: int, max_length: int = 200) -> str:
    """`slug` with `-<number>` on the end, cut so the whole fits the field."""
    suffix = f"-{number}"
    return slug[: max_length - len(suffix)].rstrip("-") + suffix


def backdate(rows: models.QuerySet, now: datetime) -> None:
    """Date rows by when they appeared, not by when the bench inserted them (auto_now).

    The sitemap dates items by their last save: rows all saved "now" would not be a site.
    """
    when = Least(Coalesce("publish_at", Value(now)), Value(now), output_field=DateTimeField())
    rows.update(created_at=when, updated_at=when)


@dataclass
class Stock:
    rng: random.Random
    now: datetime
    progress: NoProgress
    departments: list[Department]
    themes: list[Theme]
    countries: list[Country]
    partners: list[Partner]
    article_templates: list[Article]
    person_templates: list[Person]
    program_templates: list[Program]
    programs: list[Program] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    tag_cum_weights: list[float] = field(default_factory=list)

    @classmethod
    def load(cls, *, seed: int, now: datetime, progress: NoProgress | None = None) -> "Stock":
        stock = cls(
            rng=random.Random(seed),  # noqa: S311 - test data, not secrets
            now=now,
            progress=progress or NoProgress(),
            departments=list(Department.objects.all()),
            themes=list(Theme.objects.all()),
            countries=list(Country.objects.all()),
            partners=list(Partner.objects.all()),
            article_templates=templates(Article),
            person_templates=templates(Person),
            program_templates=templates(Program),
        )
        missing = [name for name in NEEDED if not getattr(stock, name)]
        if missing:
            raise LookupError(
                "Nothing to clone (no " + ", ".join(missing) + "): load the demo content first "
                "(manage.py load_demo_content)."
            )
        return stock

    def past(self, years: float = YEARS_OF_NEWS) -> datetime:
        """A moment in the last `years` years, at least an hour ago."""
        return self.now - timedelta(hours=1 + self.rng.random() * years * 365 * 24)

    def department(self) -> Department | None:
        """The label of a new row: one in twenty belongs to the Office of the ED (none)."""
        return None if self.rng.random() < 0.05 else self.rng.choice(self.departments)

    def some(self, items: list, most: int, *, least: int = 1) -> list:
        return self.rng.sample(items, min(len(items), self.rng.randint(least, most)))

    def of_department(self, items: list, department: Department | None) -> list:
        """The `items` of `department`, or all of them when it has none."""
        department_id = department.pk if department else None
        own = [item for item in items if item.department_id == department_id]
        return own or items


class Links:
    """Rows of many-to-many tables, collected per table and written with bulk inserts."""

    def __init__(self):
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)

    def m2m(self, obj: models.Model, name: str, targets) -> None:
        relation = obj._meta.get_field(name)
        through = relation.remote_field.through
        source, target = relation.m2m_field_name(), relation.m2m_reverse_field_name()
        self.rows[through].extend(
            through(**{f"{source}_id": obj.pk, f"{target}_id": item.pk}) for item in targets
        )

    def add(self, row: models.Model) -> None:
        self.rows[type(row)].append(row)

    def save(self) -> int:
        written = 0
        for model, rows in self.rows.items():
            model._default_manager.bulk_create(rows, batch_size=BATCH * 5)
            written += len(rows)
        self.rows.clear()
        return written
