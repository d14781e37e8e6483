"""The one gate every document (PDF) passes on its way in: reports, policy briefs, proceedings.

A file is a PDF by its content, never by its name: it must start with `%PDF-` and carry the
`%%EOF` end marker within its last kilobyte (where the PDF standard puts it). Only the first
and the last kilobyte are read, so a 100 MB upload is refused by its size without being read.
The limit is the `DOCUMENT_MAX_BYTES` setting. Stored files get a random name ending `.pdf`,
whatever the uploaded file was called: nothing of the uploader's file name reaches a URL.

`PDFField` puts the check in the model field itself (as `SanitizedHTMLField` does for rich
text): it runs in `full_clean()` for forms and again before the file is written to storage on
any `save()`, so no path stores a file that is not a PDF.
"""

import os
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.deconstruct import deconstructible

SIGNATURE = b"%PDF-"
END_MARKER = b"%%EOF"
# Readers look for the signature in the first kilobyte and the end marker in the last.
PROBE = 1024
EXTENSION = ".pdf"
ACCEPT = "application/pdf,.pdf"
EXPORT_AGAIN = "Save or export the document as PDF again and retry."


def max_bytes() -> int:
    return settings.DOCUMENT_MAX_BYTES


def validate_pdf(file) -> None:
    """Raise ValidationError unless `file` is a complete PDF within the size limit."""
    if getattr(file, "_committed", False):
        # Already in storage, checked on its way in: an unchanged file field is not re-read.
        return
    size = _size_of(file)
    if size == 0:
        raise ValidationError("This file is empty. " + EXPORT_AGAIN, code="empty")
    if size > max_bytes():
        raise ValidationError(
            "This file is %(size)s; documents may be at most %(max)s. Make the PDF smaller "
            "(for example, export it with compressed images) and retry.",
            code="too_large",
            params={"size": filesizeformat(size), "max": filesizeformat(max_bytes())},
        )
    try:
        head, tail = _read_ends(file, size)
    finally:
        file.seek(0)
    if not head.startswith(SIGNATURE):
        raise _not_a_pdf(head)
    if END_MARKER not in tail:
        raise ValidationError(
            "This PDF is incomplete: its end is missing, as when a download or copy is cut "
            "short. " + EXPORT_AGAIN,
            code="truncated",
        )


def _size_of(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        file.seek(0, os.SEEK_END)
        size = file.tell()
    return size


def _read_ends(file, size: int) -> tuple[bytes, bytes]:
    file.seek(0)
    head = file.read(PROBE)
    file.seek(max(0, size - PROBE))
    return head, file.read(PROBE)


def _not_a_pdf(head: bytes) -> ValidationError:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")):
        return ValidationError(
            "This file is a web page (HTML), not a PDF, whatever its name says. Open it in a "
            "browser, print or save it as PDF, and upload that file.",
            code="html",
        )
    return ValidationError(
        "This file is not a PDF: its content is not a PDF document, whatever its name says. "
        + EXPORT_AGAIN,
        code="not_a_pdf",
    )


@deconstructible
class RandomPDFName:
    """`upload_to` callable: `<folder>/<year>/<random hex>.pdf`, whatever the upload was named
    (the content was proved to be PDF; a `report.txt` that is a PDF is stored as one)."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{EXTENSION}"

    def __eq__(self, other):
        return isinstance(other, RandomPDFName) and other.folder == self.folder


class PDFFormField(forms.FileField):
    """A file input that offers PDF files first in the browser's chooser and answers with
    validate_pdf()'s messages."""

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "accept": ACCEPT}

    def to_python(self, data):
        file = super().to_python(data)
        if file is not None:
            validate_pdf(file)
        return file


class PDFField(models.FileField):
    """A FileField that holds only PDFs: checked in `full_clean()` and before storage."""

    default_validators = [validate_pdf]

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            # Before FileField.pre_save() writes it: a refused file never reaches storage.
            validate_pdf(file.file)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs):
        # No limit on the uploaded file's name: it is replaced by a random one.
        return super().formfield(**{"form_class": PDFFormField, "max_length": None, **kwargs})
