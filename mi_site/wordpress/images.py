"""Images copied from a copy of WordPress's `wp-content/uploads` folder, never downloaded.

Every file goes through the gate every image passes (mi_site/core/images.py):
`validate_image()`, then `clean_copy()` (re-encoded upright, EXIF and GPS left behind). An
inline image is stored where the editor's drag-and-drop stores one (`editor/<year>/`, see
`editor_upload` in images/views.py, before the media library), a hero image where its field's
`RandomName` puts it (`news/<year>/`, `pages/<year>/`). Each inline image is a media library
image, as an editor's is: its `Image` row is found by the stored name, or made (titled after
the WordPress file's name), and saving the body adds its `data-image` reference
(images/richtext.py).

Stored names are not random but the SHA-256 of the source file (32 hex digits, as long as a
random name): they reveal nothing of the file name either, and make a re-run cheap and
idempotent. The same file is found already stored and is neither decoded nor written again,
and two posts showing one photo share one copy. The year is the one of the WordPress uploads
folder the file sat in (`2019/05/...`), which is when it was uploaded, as an editor's is.
"""

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage

from images.models import Image, title_from
from mi_site.core.images import clean_copy, image_format_of, validate_image

EDITOR_FOLDER = "editor"  # where editors' images were stored before the media library
UPLOADS = "/wp-content/uploads/"
IMAGE_SUFFIXES = {".jpg": ".jpg", ".jpeg": ".jpg", ".png": ".png", ".gif": ".gif",
                  ".webp": ".webp"}  # fmt: skip

IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK = re.compile(r"<a\b[^>]*>", re.IGNORECASE)
# `src` or `href`, not `data-src` (lazy-loading plugins) nor `srcset` (the sanitiser drops it).
ADDRESS = re.compile(r"""((?<![\w-])(?:src|href)\s*=\s*)(["'])(.*?)\2""", re.IGNORECASE | re.DOTALL)
EMPTY_LINK = re.compile(r"<a\b[^>]*>\s*</a>", re.IGNORECASE)
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?", re.IGNORECASE)
# A figure whose image is gone: its caption, if any, stays as a paragraph.
EMPTY_FIGURE = re.compile(
    r"<figure\b[^>]*>\s*(?:<figcaption>(.*?)</figcaption>)?\s*</figure>",
    re.IGNORECASE | re.DOTALL,
)


class NotCopied(Exception):
    """The image could not be brought in; the message says why, for the summary."""


def uploads_path(url: str) -> str | None:
    """`https://mi.org/wp-content/uploads/2019/05/a%20b.jpg?x=1` -> `2019/05/a b.jpg`."""
    path = unquote(urlsplit(html.unescape(url.strip())).path)
    if UPLOADS not in path:
        return None
    relative = path.split(UPLOADS, 1)[1]
    return relative or None


@dataclass
class Images:
    """Copies images for one import run, remembering what it did."""

    uploads: Path | None
    dry_run: bool = False
    copied: int = 0
    reused: int = 0
    written: set[str] = field(default_factory=set)
    library: set[str] = field(default_factory=set)  # stored names known to have an Image row
    _seen: dict[tuple[str, str], str | NotCopied] = field(default_factory=dict)

    def store(self, url: str, *, folder: str, year: int, storage=default_storage) -> str:
        """The stored name of the image at `url`; NotCopied with the reason otherwise."""
        relative = uploads_path(url)
        if relative is None:
            raise NotCopied("not a file of wp-content/uploads")
        key = (folder, relative)
        if key not in self._seen:
            try:
                self._seen[key] = self._store(relative, folder, year, storage)
            except NotCopied as problem:
                self._seen[key] = problem
        else:
            self.reused += isinstance(self._seen[key], str)
        result = self._seen[key]
        if isinstance(result, NotCopied):
            raise result
        return result

    def _store(self, relative: str, folder: str, year: int, storage) -> str:
        if self.uploads is None:
            raise NotCopied("no uploads folder given (--uploads)")
        root = self.uploads.resolve()
        source = (root / relative).resolve()
        if not source.is_relative_to(root):
            raise NotCopied("outside the uploads folder")
        if not source.is_file():
            raise NotCopied("missing from the uploads folder")
        digest = _digest(source)
        dated = re.match(r"(\d{4})/", relative)
        base = f"{folder}/{dated.group(1) if dated else year}/{digest}"
        guess = base + IMAGE_SUFFIXES.get(PurePosixPath(relative).suffix.lower(), "")
        if self._exists(guess, storage):
            self.reused += 1
            return guess
        with source.open("rb") as handle:
            upload = File(handle, name=source.name)
            try:
                extension = validate_image(upload)
            except ValidationError as error:
                raise NotCopied(" ".join(error.messages)) from error
            name = base + extension
            if self._exists(name, storage):
                self.reused += 1
                return name
            copy = clean_copy(upload, image_format_of(extension))
        if not self.dry_run:
            name = storage.save(name, copy)
        self.written.add(name)
        self.copied += 1
        return name

    def _exists(self, name: str, storage) -> bool:
        return name in self.written or storage.exists(name)

    def in_library(self, name: str, *, source: str) -> None:
        """Make sure the stored file `name` is a media library image (one row per file, found
        again by its name on a re-run; none in a dry run, where no file is written)."""
        if self.dry_run or name in self.library:
            return
        if not Image.objects.filter(file=name).exists():
            Image.objects.create(file=name, title=title_from(source))  # size read from the file
        self.library.add(name)

    def rewrite(self, body: str, *, year: int, problems: list[tuple[str, str]]) -> str:
        """`body` with every image of the uploads folder (and every link to one) pointing at
        its stored copy. An image that cannot be copied is left out (a link to one is left
        as it was); `problems` receives (file, reason) for each."""

        def address(match: re.Match, *, drop) -> str:
            tag = match.group(0)
            found = ADDRESS.search(tag)
            if found is None:
                return tag
            url = found.group(3)
            relative = uploads_path(url)
            if relative is None or PurePosixPath(relative).suffix.lower() not in IMAGE_SUFFIXES:
                return tag
            try:
                name = self.store(url, folder=EDITOR_FOLDER, year=year)
            except NotCopied as problem:
                if (relative, str(problem)) not in problems:
                    problems.append((relative, str(problem)))
                return "" if drop else tag
            if drop:  # an <img>: what the page shows is a library image
                self.in_library(name, source=relative)
            return tag[: found.start(3)] + default_storage.url(name) + tag[found.end(3) :]

        body = IMG.sub(lambda match: address(match, drop=True), body)
        body = LINK.sub(lambda match: address(match, drop=False), body)
        body = EMPTY_LINK.sub("", body)
        body = EMPTY_FIGURE.sub(lambda m: f"<p>{m.group(1)}</p>" if m.group(1) else "", body)
        return EMPTY_PARAGRAPH.sub("", body)


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return sha.hexdigest()[:32]
