"""The import itself: WordPress posts to articles, pages to standalone pages.

Each item is matched on its WordPress id (`wordpress_id`), its desired values compared with
what is stored, and saved only when something differs (mi_site/core/sync.py), so a second run
of the same export writes nothing. Each item is saved inside a savepoint, so that one the
database or a model rule refuses is reported as skipped and the others go on; the work is
committed every hundred items. A dry run does everything inside one transaction, rolled back
at the end, and writes no file.
"""

from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from images.models import FILE_NAME, Image
from mi_site.core import revisions
from mi_site.core.progress import NoProgress
from mi_site.core.slugs import unique_slug
from mi_site.core.sync import CREATED, UNCHANGED, UPDATED, changed_fields, set_m2m, set_tags
from mi_site.pages.models import Page
from news.models import Article

from . import content, wxr
from .addresses import LEGACY_META, Addresses, old_addresses
from .images import Images, NotCopied, uploads_path
from .mapping import Categories, Skip, publish_time, status_of, tag_names
from .report import Report

LABELS = {Article: "article", Page: "page"}
BATCH = 100  # items per commit


def import_wordpress(
    path: Path,
    *,
    uploads: Path | None = None,
    categories: Path | None = None,
    dry_run: bool = False,
    legacy_meta: str = LEGACY_META,
    progress=None,
) -> Report:
    """Import the export at `path`. Raises wxr.BadExport or mapping.BadMapping before
    anything is written."""
    progress = progress or NoProgress()
    index = wxr.scan(path)  # the whole file is read once, and found sound, before any write
    run = Run(
        index=index,
        categories=Categories.load(categories),
        images=Images(uploads, dry_run=dry_run),
        report=Report(dry_run=dry_run, others=index.others),
        legacy_meta=legacy_meta,
    )
    with transaction.atomic() if dry_run else nullcontext():
        run.all(parents_first(index.pages), Page, "pages", progress)
        run.all(wxr.posts(path), Article, "posts", progress, total=index.posts)
        if dry_run:
            transaction.set_rollback(True)
    return run.finish()


def batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def parents_first(pages: list[wxr.Item]) -> list[wxr.Item]:
    by_id = {page.wp_id: page for page in pages}

    def depth(page: wxr.Item) -> int:
        seen = {page.wp_id}
        while page.parent_id in by_id and page.parent_id not in seen:
            page = by_id[page.parent_id]
            seen.add(page.wp_id)
        return len(seen)

    return sorted(pages, key=lambda page: (depth(page), page.menu_order, page.wp_id))


@dataclass
class Run:
    index: wxr.Index
    categories: Categories
    images: Images
    report: Report
    legacy_meta: str
    addresses: Addresses = field(default_factory=Addresses)

    def finish(self) -> Report:
        self.report.unknown_categories = self.categories.unknown
        self.report.images_copied = self.images.copied
        self.report.images_reused = self.images.reused
        return self.report

    def all(self, items, model, label: str, progress, *, total: int | None = None) -> None:
        """Import `items`, committing every BATCH of them: one commit per item would cost
        PostgreSQL a disk flush each. Each item still has its own savepoint."""
        total = len(items) if total is None else total
        if not total:
            return
        progress.start(label, total)
        for batch in batches(items, BATCH):
            with transaction.atomic():
                for item in batch:
                    self.one(item, model)
                    progress.advance()
        progress.finish()

    def one(self, item: wxr.Item, model) -> None:
        name = f"{item.kind} {item.wp_id}"
        try:
            with transaction.atomic():
                action = self.save(item, model, name)
        except Skip as reason:
            self.report.skipped.append(f"{name} \u201c{wxr.text_of(item.title)}\u201d: {reason}")
        except ValidationError as error:
            self.report.skipped.append(f"{name}: refused: {_messages(error)}")
        except DatabaseError as error:
            self.report.skipped.append(f"{name}: refused by the database: {error}")
        else:
            self.report.count(LABELS[model], action)

    def save(self, item: wxr.Item, model, name: str) -> str:
        status = status_of(item)
        publish_at = publish_time(item, status)
        if not wxr.text_of(item.title):
            raise Skip("it has no title")
        obj = model._default_manager.filter(wordpress_id=item.wp_id).first()
        created = obj is None
        obj = obj or model(wordpress_id=item.wp_id)
        values, relations = self.values(item, obj, name, status, publish_at)
        fields = changed_fields(obj, values)
        for field_name in fields:
            setattr(obj, field_name, values[field_name])
        if created or fields:
            if model is Page:
                obj.url_path = obj.computed_path()
            obj.full_clean()
            obj.save()
        # Relations need the row; each is compared before it is written, as the fields are.
        linked = [set_m2m(obj, field, targets) for field, targets in relations["m2m"].items()]
        linked += [set_tags(obj, relations["tags"])] if model is Article else []
        action = CREATED if created else UPDATED if fields or any(linked) else UNCHANGED
        if action != UNCHANGED:
            comment = "Imported from WordPress" if created else "Updated from WordPress"
            revisions.record(obj, user=None, comment=comment)
        problems = []
        addresses = old_addresses(item, legacy_meta=self.legacy_meta)
        if self.addresses.keep(obj, item, addresses, problems) and action == UNCHANGED:
            action = UPDATED
        self.report.addresses += [f"{name}: {problem}" for problem in problems]
        return action

    def values(self, item: wxr.Item, obj, name: str, status, publish_at) -> tuple[dict, dict]:
        """The fields the item should hold, and its relations: {"m2m": ..., "tags": ...}."""
        year = timezone.localtime(publish_at or timezone.now()).year
        values = {
            "title": wxr.text_of(item.title)[:255],
            "standfirst": wxr.text_of(item.excerpt),
            "status": status,
            "publish_at": publish_at,
            "body": self.body(item, name, year),
            **self.hero(item, type(obj), name, year),
        }
        relations = {"m2m": {}, "tags": []}
        if isinstance(obj, Article):
            departments, themes = self.categories.of(item)
            values["department"] = departments[0] if departments else None
            relations["m2m"] = {"extra_departments": departments[1:], "themes": themes}
            relations["tags"] = tag_names(item)
        else:
            values["parent"] = Page.objects.filter(wordpress_id=item.parent_id or None).first()
            values["sort_order"] = max(item.menu_order, 0)
        values["slug"] = self.slug(obj, item, values)
        return values, relations

    def slug(self, obj, item: wxr.Item, values: dict) -> str:
        """WordPress's slug (percent-decoded, transliterated if not Latin), else one made from
        the title, with our usual `-2` when another item has it."""
        text = unquote(item.slug.strip()) or values["title"]
        if isinstance(obj, Page):
            parent = values["parent"]
            return Page(pk=obj.pk, parent_id=parent.pk if parent else None, title=text).free_slug()
        return unique_slug(obj, text)

    def body(self, item: wxr.Item, name: str, year: int) -> str:
        problems = []
        body = self.images.rewrite(content.clean(item.content), year=year, problems=problems)
        self.report.images += [f"{name}: {file}: {reason}" for file, reason in problems]
        return body

    def hero(self, item: wxr.Item, model, name: str, year: int) -> dict:
        """The featured image, its alternative text and caption; none when it cannot be had."""
        none = {"hero_image": None, "hero_alt": "", "hero_caption": ""}
        attachment_id = wxr.to_int(item.first_meta("_thumbnail_id"))
        if not attachment_id:
            return none
        attachment = self.index.attachments.get(attachment_id)
        if attachment is None:
            self.report.images.append(
                f"{name}: featured image {attachment_id} is not in the export"
            )
            return none
        alt = attachment.alt or attachment.title
        if FILE_NAME.match(alt.strip()):
            alt = ""  # "IMG_1234.jpg" describes nothing (images/models.py)
        if not alt:
            self.report.images.append(
                f"{name}: {attachment.url}: no alternative text and no title to describe it"
            )
            return none
        field = Image._meta.get_field("file")
        try:
            stored = self.images.store(
                attachment.url, folder=field.upload_to.folder, year=year, storage=field.storage
            )
        except NotCopied as problem:
            shown = uploads_path(attachment.url) or attachment.url
            self.report.images.append(f"{name}: {shown}: {problem}")
            return none
        if not attachment.alt:
            self.report.alt_from_title.append(f"{name}: \u201c{alt}\u201d")
        return {
            "hero_image": self.library_image(stored, title=attachment.title or alt),
            "hero_alt": alt[:255],
            "hero_caption": attachment.caption[:300],
        }

    def library_image(self, stored: str, *, title: str) -> Image:
        """The media library's image of a stored file: the one already there (a re-run, or
        two posts with one photo), or a new one, its size read once from the file."""
        image = Image.objects.filter(file=stored).first()
        if image is not None:
            return image
        image = Image(title=title[:255])
        image.file.name = stored  # stored and cleaned already: not through the descriptor
        if not self.images.dry_run:
            image.width, image.height = image.file.width, image.file.height
        image.save()
        return image


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{key}: {' '.join(msgs)}" for key, msgs in error.message_dict.items())
    return " ".join(error.messages)
