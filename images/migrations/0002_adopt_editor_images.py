"""Images the editor stored before the media library (`editor/<year>/<hex>.<ext>`) become
library images, and the rich text showing them gets `data-image` references.

A frozen copy of images/adoption.py (`manage.py adopt_editor_images`), kept here so that later
changes to the app cannot change what this migration does. It runs on small sites only: with
more than LIMIT images to adopt it does nothing and says to run the command, which shows
progress. The files are neither copied nor moved: published addresses keep working.
"""

import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from django.db import migrations
from django.db.models import Q

LIMIT = 500
FOLDER = "editor/"
# (app, model, the field naming a row, its rich-text fields) when this migration was written.
RICH_TEXT = [
    ("news", "Article", "title", ["body"]),
    ("programs", "Program", "title", ["body"]),
    ("programs", "Department", "name", ["description"]),
    ("pages", "Page", "title", ["body"]),
    ("people", "Person", "display_name", ["biography", "education"]),
]
IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
DATA_IMAGE = re.compile(r'\sdata-image="[^"]*"', re.IGNORECASE)


class _Attributes(HTMLParser):
    def __init__(self, tag):
        super().__init__(convert_charrefs=True)
        self.found = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        if not self.found:
            for key, value in attrs:
                self.found.setdefault(key, value or "")

    handle_startendtag = handle_starttag


def _key(url):
    parts = urlsplit(url.strip())
    return parts.netloc.lower(), unquote(parts.path)


def _editor_file(src, storage):
    """The stored `editor/` file `src` is the address of, or None."""
    parts = [part for part in unquote(urlsplit(src.strip()).path).split("/") if part]
    for i in range(len(parts)):
        name = "/".join(parts[i:])
        if name.startswith(FOLDER) and _key(storage.url(name)) == _key(src):
            return name
    return None


def _images(html, storage):
    """(tag match, stored editor name or None, alt) for each <img>."""
    for match in IMG.finditer(html or ""):
        attrs = _Attributes(match.group(0)).found
        yield match, _editor_file(attrs.get("src", ""), storage), attrs.get("alt", "").strip()


def _size(storage, name):
    from PIL import Image as Picture  # noqa: PLC0415

    try:
        with storage.open(name) as handle, Picture.open(handle) as picture:
            return picture.size
    except (OSError, ValueError, SyntaxError):
        return None, None


def _referenced(html, storage, library):
    out, end = [], 0
    for match, name, _alt in _images(html, storage):
        if name in library:
            tag = DATA_IMAGE.sub("", match.group(0))
            tag = tag[:4] + f' data-image="{library[name]}"' + tag[4:]
            out += [html[end : match.start()], tag]
            end = match.end()
    return "".join(out) + html[end:]


def _bodies(apps, using):
    for app, model_name, label, fields in RICH_TEXT:
        Model = apps.get_model(app, model_name)
        mentions = Q()
        for field in fields:
            mentions |= Q(**{f"{field}__contains": FOLDER})
        rows = Model._default_manager.using(using).filter(mentions).order_by("pk")
        for row in rows.values("pk", label, *fields).iterator():
            yield Model, row, label, fields


def adopt(apps, schema_editor):
    Image = apps.get_model("images", "Image")
    using = schema_editor.connection.alias
    storage = Image._meta.get_field("file").storage
    # stored name -> title: the first alt given it, else the first item showing it
    wanted, described = {}, set()
    for _Model, row, label, fields in _bodies(apps, using):
        for field in fields:
            for _match, name, alt in _images(row[field], storage):
                if name and alt and name not in described:
                    wanted[name] = alt
                    described.add(name)
                elif name and name not in wanted:
                    wanted[name] = f"Image in \u201c{row[label]}\u201d"
    images = Image.objects.using(using)
    library = dict(images.filter(file__in=list(wanted)).values_list("file", "pk"))
    new = [name for name in wanted if name not in library]
    if len(new) > LIMIT:
        print(
            f"\n  {len(new):,} images in rich text are not in the media library yet: run "
            "`manage.py adopt_editor_images` (it shows progress) after migrating."
        )
        return
    made = 0
    for name in new:
        if not storage.exists(name):
            continue
        width, height = _size(storage, name)
        image = Image(title=wanted[name][:255], width=width, height=height)
        image.file.name = name  # the stored file itself: no copy, no descriptor reading it
        image.save(using=using)
        library[name] = image.pk
        made += 1
    for Model, row, _label, fields in _bodies(apps, using):
        changed = {}
        for field in fields:
            referenced = _referenced(row[field] or "", storage, library)
            if referenced != (row[field] or ""):
                changed[field] = referenced
        if changed:
            Model._default_manager.using(using).filter(pk=row["pk"]).update(**changed)
    if made:
        print(
            f"\n  {made:,} editor images added to the media library: run "
            "`manage.py rebuild_renditions --missing` to make their renditions."
        )


class Migration(migrations.Migration):
    dependencies = [
        ("images", "0001_initial"),
        ("news", "0013_image_blocks"),
        ("programs", "0013_image_blocks"),
        ("pages", "0008_image_blocks"),
        ("people", "0009_image_blocks"),
    ]

    operations = [migrations.RunPython(adopt, migrations.RunPython.noop, elidable=False)]
