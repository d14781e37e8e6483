"""Images the editor stored before the media library become library images.

Until the library, an image dropped into the editor was a bare file, `editor/<year>/<hex>.<ext>`
(already a clean copy: the upload view re-encoded it), that rich text pointed at. For each such
file a body shows, `adopt_editor_images()` makes an `Image` row over the very same file (no
copy: every address already published keeps working), titled after the `alt` the body gives it
(else after the item it is in), then stores the bodies with their `data-image` references
(richtext.py). Rows are written with `update()`: no revision, no new "updated" time.

Idempotent: a file with a row is reused, and a body already referenced is left alone, so a
second run changes nothing. `manage.py adopt_editor_images` runs it; the data migration
images/0002 runs a frozen copy on small sites.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q

from mi_site.core.progress import NoProgress
from mi_site.core.richtext import SanitizedHTMLField

from .models import Image
from .richtext import STORAGE, add_references, address_key, candidate_names, img_tags

FOLDER = "editor/"


@dataclass
class Adopted:
    images: int = 0  # library rows made
    bodies: int = 0  # rich-text values given references
    missing: int = 0  # files a body points at that are not in storage


def rich_text_fields() -> list[tuple[type, list[str]]]:
    """Every model with rich text, and its rich-text fields."""
    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, SanitizedHTMLField)]
        if names:
            found.append((model, names))
    return found


def stored_name(src: str) -> str | None:
    """The stored `editor/` file that `src` is the address of, if it is one."""
    for name in candidate_names(src):
        if name.startswith(FOLDER) and address_key(STORAGE.url(name)) == address_key(src):
            return name
    return None


def adopt_editor_images(*, progress=None) -> Adopted:
    progress = progress or NoProgress()
    adopted = Adopted()
    bodies = [
        (model._default_manager.filter(_mentions(names)).order_by("pk").only("pk", *names), names)
        for model, names in rich_text_fields()
    ]
    total = sum(rows.count() for rows, _names in bodies)
    titles = _files_to_adopt(bodies, progress, total)
    for file_name, title in titles.items():
        if not STORAGE.exists(file_name):
            adopted.missing += 1
            continue
        image = Image(title=title[:255])
        image.file = file_name  # the stored file itself; its size is read from it
        image.save()
        adopted.images += 1
    progress.start("bodies", total)
    for rows, names in bodies:
        for item in rows.iterator(chunk_size=200):
            adopted.bodies += _reference(item, names)
            progress.advance()
    progress.finish()
    return adopted


def _mentions(names: list[str]) -> Q:
    query = Q()
    for name in names:
        query |= Q(**{f"{name}__contains": FOLDER})
    return query


def _files_to_adopt(bodies, progress, total: int) -> dict[str, str]:
    """{stored name: library title} of the editor files shown and not in the library yet,
    titled after the first `alt` any body gives the file, else after the first item showing
    it."""
    known = set(Image.objects.filter(file__startswith=FOLDER).values_list("file", flat=True))
    titles, described = {}, set()
    progress.start("scanning", total)
    for rows, names in bodies:
        for item in rows.iterator(chunk_size=200):
            for name in names:
                for _match, attrs in img_tags(getattr(item, name) or ""):
                    file_name = stored_name(attrs.get("src", ""))
                    if file_name is None or file_name in known:
                        continue
                    alt = attrs.get("alt", "").strip()
                    if alt and file_name not in described:
                        titles[file_name] = alt
                        described.add(file_name)
                    elif file_name not in titles:
                        titles[file_name] = f"Image in \u201c{item}\u201d"
            progress.advance()
    progress.finish()
    return titles


def _reference(item, names: list[str]) -> int:
    """Store `item`'s rich text with its references; the number of fields that changed."""
    changed = {}
    for name in names:
        html = getattr(item, name) or ""
        referenced = add_references(html)
        if referenced != html:
            changed[name] = referenced
    if changed:
        type(item)._default_manager.filter(pk=item.pk).update(**changed)
    return len(changed)
