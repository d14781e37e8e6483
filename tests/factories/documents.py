import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from documents.models import Document, Language


def pdf_bytes(color: str = "#005a8c") -> bytes:
    """A real one-page PDF, written by Pillow's PDF writer rather than by the code under test."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), color).save(buffer, format="PDF")
    return buffer.getvalue()


def pdf_file(name: str = "report.pdf", content: bytes | None = None) -> SimpleUploadedFile:
    content = pdf_bytes() if content is None else content
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Synthesis report {n}")
    language = Language.ENGLISH
    year = 2020
    file = factory.LazyFunction(pdf_file)
