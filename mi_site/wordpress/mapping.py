"""What a WordPress post's status, date, categories and tags become here."""

import csv
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.utils import timezone

from mi_site.core.publishing import Status
from mi_site.core.tags import parse_tags
from programs.models import Department, Theme

from .wxr import Item

# MI's WordPress site kept its local times in Bangkok's time zone; `wp:post_date` is one.
WORDPRESS_TIME_ZONE = ZoneInfo("Asia/Bangkok")
NO_DATE = "0000-00-00 00:00:00"

STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.PUBLISHED,  # with its future publish time: scheduled
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.DRAFT,  # nothing here is visible to a few readers only
}
NOT_IMPORTED = {
    "trash": "in WordPress's trash",
    "auto-draft": "an automatic draft WordPress made, never saved by anyone",
    "inherit": "a revision of another post",
}


class Skip(Exception):
    """This item is not imported; the message says why."""


class BadMapping(ValueError):
    """The categories file cannot be used; the message says which line and why."""


def status_of(item: Item) -> Status:
    if item.status in NOT_IMPORTED:
        raise Skip(NOT_IMPORTED[item.status])
    if item.status not in STATUSES:
        raise Skip(f"status \u201c{item.status}\u201d is not one WordPress gives posts")
    return STATUSES[item.status]


def publish_time(item: Item, status: Status) -> datetime | None:
    """`wp:post_date_gmt`, else `wp:post_date` in Bangkok time. A draft or pending post whose
    GMT date is unset has a date WordPress moves to the moment it is published: none here,
    so that publishing it later dates it then, as WordPress would."""
    if item.date_gmt and item.date_gmt != NO_DATE:
        return _parse(item.date_gmt, ZoneInfo("UTC"))
    if status != Status.PUBLISHED and item.status in {"draft", "pending"}:
        return None
    moment = _parse(item.date, WORDPRESS_TIME_ZONE) if item.date != NO_DATE else None
    if moment is None and status == Status.PUBLISHED:
        raise Skip("published, but the export gives it no date")
    return moment


def _parse(text: str, zone: ZoneInfo) -> datetime | None:
    try:
        return timezone.make_aware(datetime.strptime(text.strip(), "%Y-%m-%d %H:%M:%S"), zone)
    except ValueError:
        return None


def tag_names(item: Item) -> list[str]:
    """The post's tags, read as an editor's typing in the tags field is (core/tags.py)."""
    names = [term.name for term in item.terms_of("post_tag") if term.name]
    typed = ", ".join(f'"{name}"' if "," in name else name for name in names)
    return parse_tags(typed)


@dataclass
class Categories:
    """WordPress categories -> departments and themes: by the categories file first, else by
    name (a department's short name too), case-insensitively. A category matching nothing is
    counted in `unknown`, never created."""

    by_nicename: dict[str, Department | Theme | None] = field(default_factory=dict)
    by_name: dict[str, Department | Theme] = field(default_factory=dict)
    unknown: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> "Categories":
        categories = cls(by_nicename=read_mapping(path) if path else {})
        for theme in Theme.objects.all():
            categories.by_name[theme.name.casefold()] = theme
        for department in Department.objects.all():  # a department wins a shared name
            categories.by_name[department.name.casefold()] = department
            if department.short_name:
                categories.by_name[department.short_name.casefold()] = department
        return categories

    def of(self, item: Item) -> tuple[list[Department], list[Theme]]:
        departments, themes = [], []
        for term in item.terms_of("category"):
            if term.nicename in self.by_nicename:
                found = self.by_nicename[term.nicename]
            else:
                found = self.by_name.get(term.name.casefold())
            if found is None and term.nicename not in self.by_nicename:
                self.unknown[term.name] = self.unknown.get(term.name, 0) + 1
            target = departments if isinstance(found, Department) else themes
            if found is not None and found not in target:
                target.append(found)
        return departments, themes


def read_mapping(path: Path) -> dict[str, Department | Theme | None]:
    """A CSV file of `category_nicename,kind,slug` rows (kind: department, theme or ignore);
    a header row is allowed. Every bad line is reported at once."""
    mapping, errors = {}, []
    kinds = {"department": Department, "theme": Theme}
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            cells = [cell.strip() for cell in row]
            if not any(cells) or cells[0].startswith("#"):
                continue
            if number == 1 and cells[0].lower() in {"category_nicename", "category"}:
                continue
            if len(cells) < 2 or (cells[1].lower() != "ignore" and len(cells) < 3):
                errors.append(f"line {number}: expected category_nicename,kind,slug")
                continue
            nicename, kind = cells[0], cells[1].lower()
            if kind == "ignore":
                mapping[nicename] = None
            elif kind not in kinds:
                errors.append(f"line {number}: kind \u201c{cells[1]}\u201d is not department, "
                              "theme or ignore")  # fmt: skip
            elif (target := kinds[kind].objects.filter(slug=cells[2]).first()) is None:
                errors.append(f"line {number}: no {kind} has the slug \u201c{cells[2]}\u201d")
            else:
                mapping[nicename] = target
    if errors:
        raise BadMapping(f"The categories file {path} cannot be used: " + "; ".join(errors) + ".")
    return mapping
