"""`manage.py import_redirects FILE.csv`: old addresses from a spreadsheet into the redirects
table, e.g. the TYPO3 and WordPress addresses search engines and partners still link to.

The file has the columns `old_path,target` (a header row is optional). A target is a path on
this site (`/news/some-story/`), a full address (`https://…`) or an item as `app.model:pk`
(`news.article:42`). A path that shows an item is stored as that item, so the redirect follows
it if its address changes again. Bad rows are reported by line number and skipped; the rest
are written in bulk, replacing any redirect from the same old address, so running the same
file again changes nothing.
"""

import csv
import re
import sys
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mi_site.core import contentversion, redirects
from mi_site.core.models import Redirect
from mi_site.core.progress import NoProgress, ProgressBar

BATCH = 1000
ITEM = re.compile(r"^\w+\.\w+:\s*\S+$")  # news.article:42
FIELDS = ["content_type", "object_id", "target_path", "permanent", "automatic"]


@dataclass
class Report:
    read: int = 0
    written: int = 0
    problems: list[str] = field(default_factory=list)  # rows skipped, and why
    overridden: list[str] = field(default_factory=list)  # rows a later row replaced


class Command(BaseCommand):
    help = "Import redirects from a CSV file with the columns old_path,target."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file: old_path,target (UTF-8)")
        parser.add_argument(
            "--temporary", action="store_true", help="Make 302 redirects instead of 301."
        )

    def handle(self, *args, file, temporary=False, **options):
        progress = ProgressBar(sys.stderr) if options["verbosity"] > 0 else NoProgress()
        try:
            with open(file, encoding="utf-8-sig", newline="") as stream:
                rows = list(enumerate(csv.reader(stream), start=1))
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        report = import_rows(rows, permanent=not temporary, progress=progress)
        for problem in sorted(report.problems + report.overridden, key=line_number):
            self.stderr.write(problem)
        overridden = len(report.overridden)
        self.stdout.write(
            f"{report.written:,} redirects written from {report.read:,} rows; "
            f"{len(report.problems):,} rows skipped; {overridden:,} "
            f"{'row' if overridden == 1 else 'rows'} overridden by a later one."
        )


def line_number(message: str) -> int:
    return int(message.split(":")[0].removeprefix("line "))


def import_rows(rows, *, permanent: bool = True, progress=None) -> Report:
    progress = progress or NoProgress()
    report, parsed, lines = Report(), {}, {}
    items = ItemTargets()
    progress.start("reading", len(rows))
    for line, row in rows:
        progress.advance()
        if not any(cell.strip() for cell in row):
            continue
        if line == 1 and [c.strip().lower() for c in row[:2]] == ["old_path", "target"]:
            continue
        report.read += 1
        try:
            if len(row) < 2:
                raise redirects.BadAddress("it needs two columns: old_path,target.")
            old = redirects.split(row[0])
            target = items.fields(row[1].strip())
        except redirects.BadAddress as error:
            report.problems.append(f"line {line}: {error}")
            continue
        if old in lines:
            report.overridden.append(
                f"line {line}: the same old address as line {lines[old]}; this line wins."
            )
        lines[old] = line
        parsed[old] = target
    progress.finish()
    items.check(parsed, lines, report)
    progress.start("writing", len(parsed))
    with transaction.atomic():
        batch = []
        for (path, query), target in parsed.items():
            batch.append(Redirect(old_path=path, old_query=query, permanent=permanent,
                                  automatic=True, **target))  # fmt: skip
            if len(batch) == BATCH:
                report.written += write(batch)
                progress.advance(BATCH)
                batch = []
        report.written += write(batch)
        redirects.collapse_all()
        contentversion.content_changed()  # bulk writes send no signals: cached 404s go
    progress.finish()
    return report


def write(batch) -> int:
    if batch:
        Redirect.objects.bulk_create(
            batch, update_conflicts=True, unique_fields=["old_path", "old_query"],
            update_fields=FIELDS,
        )  # fmt: skip
    return len(batch)


class ItemTargets:
    """Targets given as `app.model:pk`, checked in one query per kind of item."""

    def __init__(self):
        self.wanted: dict[type, set[str]] = {}

    def fields(self, target: str) -> dict:
        if ITEM.match(target):
            label, _, pk = target.partition(":")
            model = redirects.model_of(label)
            if not hasattr(model, "get_absolute_url"):
                raise redirects.BadAddress(f"a {label} has no page to send readers to.")
            self.wanted.setdefault(model, set()).add(pk.strip())
            return {"content_type": model, "object_id": pk.strip(), "target_path": ""}
        return redirects.target_fields(target)

    def check(self, parsed: dict, lines: dict, report: Report) -> None:
        """Drop rows naming an item that does not exist; store the others' content type."""
        from django.contrib.contenttypes.models import ContentType

        existing = {
            model: {str(pk) for pk in model._default_manager.filter(pk__in=[
                pk for pk in pks if pk.isdigit()
            ]).values_list("pk", flat=True)}
            for model, pks in self.wanted.items()
        }  # fmt: skip
        for old, target in list(parsed.items()):
            model = target.get("content_type")
            if isinstance(model, type):
                if target["object_id"] not in existing[model]:
                    label = model._meta.label_lower
                    report.problems.append(
                        f"line {lines[old]}: there is no {label} with the id {target['object_id']}."
                    )
                    del parsed[old]
                    continue
                target["content_type"] = ContentType.objects.get_for_model(model)
