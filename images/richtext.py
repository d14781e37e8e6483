"""Library images inside rich text: a stable reference on save, renditions on the page, and
the alternative-text rule.

- On every write (mi_site/core/richtext.py runs `add_references` after the allow-list), each
  `<img>` whose `src` is a library image's file, or one of its renditions, gets
  `data-image="<pk>"`, and `src` is the original's address, which the editor shows. A
  `data-image` naming no image is dropped. CKEditor does not keep unknown attributes, so the
  editor saves the bare `src` and the reference is found again from it on every save.
- On a public page `{{ article.body|with_renditions }}` (templatetags/richtext_images.py)
  puts each library image's `<picture>` (markup.py) in place of its `<img>`, reading all the
  body's images in one query.
- `missing_alt()` names the body images without alternative text (the `alt` the editor gives,
  the library's) and not marked decorative in the library; `check_body_images()` is the rule
  for a model's `clean()`.

The HTML is the sanitiser's output (or the editor's, checked before it is sanitised): `<img>`
tags are found with a regular expression and their attributes read by `html.parser`.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.safestring import SafeString, mark_safe

from mi_site.core.richtext import SanitizedHTMLField, sanitize_html

from . import renditions
from .blocks import image_errors
from .markup import picture
from .models import Image
from .usage import reference

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
IMAGE_ID = re.compile(r"[0-9]{1,18}")
# Only in the sanitiser's output, where every attribute is double-quoted and a quote inside a
# value is `&quot;`: these match attributes, never text inside another attribute's value.
DATA_IMAGE = re.compile(r'\sdata-image="[^"]*"', re.IGNORECASE)
SRC = re.compile(r'(\ssrc=")([^"]*)(")', re.IGNORECASE)
RENDITION = re.compile(
    rf"(?:^|/){renditions.FOLDER}/(?P<stem>.+)-(?P<crop>{'|'.join(renditions.CROPS)})"
    rf"-(?P<width>\d+)\.(?P<ext>{'|'.join(renditions.MIME_TYPES)})$"
)
ORIGINAL_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".webp")
SIZES = "(min-width: 48rem) 44rem, 100vw"  # the prose column (layout.css)
STORAGE = Image._meta.get_field("file").storage


class _Attributes(HTMLParser):
    def __init__(self, tag: str):
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}
        self.feed(tag)
        self.close()

    def handle_starttag(self, tag, attrs):
        if not self.found:
            for key, value in attrs:
                self.found.setdefault(key, value or "")  # the first one counts, as in browsers

    handle_startendtag = handle_starttag


def attributes(tag: str) -> dict[str, str]:
    """`<img src="/a.jpg" alt="A &amp; B">` -> {"src": "/a.jpg", "alt": "A & B"}."""
    return _Attributes(tag).found


def address_key(url: str) -> tuple[str, str]:
    """What two addresses of one file share: host and path, without query (signatures)."""
    parts = urlsplit(url.strip())
    return parts.netloc.lower(), unquote(parts.path)


def candidate_names(src: str) -> set[str]:
    """The stored names `src` may be the address of: every tail of its path (the storage's
    prefix, MEDIA_URL or a bucket's, is unknown here), and for a rendition the tails of its
    source's path, whatever the source's extension."""
    path = unquote(urlsplit(src.strip()).path)
    rendition = RENDITION.search(path)
    paths = [path]
    if rendition:
        paths = [rendition["stem"] + ext for ext in ORIGINAL_EXTENSIONS]
    names = set()
    for candidate in paths:
        parts = [part for part in candidate.split("/") if part]
        names.update("/".join(parts[i:]) for i in range(max(0, len(parts) - 6), len(parts)))
    return names


@dataclass
class Found:
    """One `<img>` of a body and the library image it shows (None: not a library image)."""

    match: re.Match
    attrs: dict[str, str]
    pk: int | None

    @property
    def alt(self) -> str:
        return self.attrs.get("alt", "").strip()

    @property
    def file_name(self) -> str:
        return PurePosixPath(address_key(self.attrs.get("src", ""))[1]).name


def _identify(tags, files: dict[int, str]) -> list[Found]:
    """Match each tag to a library image ({pk: stored name}): by its address (the original's
    or a rendition's), else by its data-image."""
    originals = {address_key(STORAGE.url(name)): pk for pk, name in files.items()}
    found = []
    for match, attrs in tags:
        src = attrs.get("src", "")
        pk = (originals.get(address_key(src)) or _rendition_of(src, files)) if src else None
        reference = attrs.get("data-image", "")
        if pk is None and IMAGE_ID.fullmatch(reference) and int(reference) in files:
            pk = int(reference)
        found.append(Found(match, attrs, pk))
    return found


def _rendition_of(src: str, files: dict[int, str]) -> int | None:
    """The row whose file `src` is a rendition of (renditions.name() makes the names)."""
    rendition = RENDITION.search(address_key(src)[1])
    if rendition is None:
        return None
    crop, width, ext = rendition["crop"], int(rendition["width"]), rendition["ext"]
    for pk, name in files.items():
        made = renditions.name(name, crop, width, ext)
        if address_key(STORAGE.url(made)) == address_key(src):
            return pk
    return None


def img_tags(html: str) -> list[tuple[re.Match, dict[str, str]]]:
    return [(match, attributes(match.group(0))) for match in IMG.finditer(html or "")]


def _wanted(tags) -> Q | None:
    pks = {int(a["data-image"]) for _m, a in tags if IMAGE_ID.fullmatch(a.get("data-image", ""))}
    names = set().union(*(candidate_names(a["src"]) for _m, a in tags if a.get("src")))
    if not pks and not names:
        return None
    return Q(pk__in=pks) | Q(file__in=names)


def find(html: str) -> tuple[list[Found], dict[int, Image]]:
    """Every `<img>` of `html` and the library images they show: one query, none without an
    `<img>`."""
    tags = img_tags(html)
    wanted = _wanted(tags) if tags else None
    images = {image.pk: image for image in Image.objects.filter(wanted)} if wanted else {}
    return _identify(tags, {pk: image.file.name for pk, image in images.items()}), images


# --- On save -------------------------------------------------------------------------------


def add_references(html: str) -> str:
    """`html` (sanitised) with `data-image` on each library image and on nothing else.

    Registered with the kernel's `after_sanitizing()` in apps.py. Reads only the id and file
    columns: one query, none for a body without images.
    """
    tags = img_tags(html)
    wanted = _wanted(tags) if tags else None
    if wanted is None:
        return html
    files = dict(Image.objects.filter(wanted).values_list("pk", "file"))
    out, end = [], 0
    for found in _identify(tags, files):
        out += [html[end : found.match.start()], _referenced(found, files)]
        end = found.match.end()
    return "".join(out) + html[end:]


def _referenced(found: Found, files: dict[int, str]) -> str:
    tag = DATA_IMAGE.sub("", found.match.group(0))
    if found.pk is None:
        return tag
    url = _quoted(STORAGE.url(files[found.pk]))
    if SRC.search(tag):
        tag = SRC.sub(lambda m: m.group(1) + url + m.group(3), tag, count=1)
    else:
        tag = tag[:4] + f' src="{url}"' + tag[4:]
    return f"{tag[:4]} {reference(found.pk)}{tag[4:]}"


def _quoted(url: str) -> str:
    # As the sanitiser writes attribute values, so that a second save changes nothing.
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;")


# --- On the page ---------------------------------------------------------------------------


def with_renditions(html: str) -> SafeString:
    """Sanitised rich text with each library image as its `<picture>` (markup.py): lazy,
    `srcset` in the widths made, the alternative text the editor gave (else the library's;
    none when decorative). Other images are left as they are. One query in all."""
    html = html or ""
    found, images = find(html)
    out, end = [], 0
    for item in found:
        image = images.get(item.pk) if item.pk is not None else None
        if image is None:
            continue
        alt = item.alt or ("" if image.decorative else image.alt_text)
        out += [html[end : item.match.start()], picture(image, sizes=SIZES, alt=alt)]
        end = item.match.end()
    return mark_safe("".join(out) + html[end:])  # noqa: S308 (sanitised; picture escapes)


# --- The alternative-text rule -------------------------------------------------------------


def missing_alt(html: str) -> list[str]:
    """The names of the images in `html` readers would get no words for: no `alt`, and a
    library image with no alternative text and not decorative (named by its library title),
    or another image (named by its file name)."""
    found, images = find(sanitize_html(html))
    names = []
    for item in found:
        image = images.get(item.pk) if item.pk is not None else None
        if item.alt or (image is not None and image.described):
            continue
        if image is None and not item.file_name:
            continue  # no address: nothing is shown
        name = str(image) if image is not None else item.file_name
        if name not in names:
            names.append(name)
    return names


def body_image_errors(item, field: str = "body") -> dict[str, list[str]]:
    """What the rule finds wrong with the images of `item`'s rich-text `field`."""
    label = item._meta.get_field(field).verbose_name
    messages = [
        f"The image \u201c{name}\u201d in the {label} has no alternative text: select it in "
        "the editor and give it a text alternative (the \u201cChange image text "
        "alternative\u201d button), or mark it decorative in the media library."
        for name in missing_alt(getattr(item, field))
    ]
    return {field: messages} if messages else {}


def content_image_errors(item) -> dict[str, list[str]]:
    """The one alt-text rule over all of `item`'s pictures: its image blocks (a hero, a photo,
    a logo) and the images in each of its rich-text fields (a body, a biography)."""
    errors = {field: [message] for field, message in image_errors(item).items()}
    for field in item._meta.concrete_fields:
        if isinstance(field, SanitizedHTMLField):
            errors.update(body_image_errors(item, field.name))
    return errors


def check_content_images(item) -> None:
    """The rule for a model's `clean()` (content_image_errors): raises with every problem."""
    errors = content_image_errors(item)
    if errors:
        raise ValidationError(errors)
