"""The stored document: a random name ending .pdf, the bytes as uploaded, its size recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from documents.models import Document, Language
from tests.factories import DocumentFactory
from tests.factories.documents import pdf_bytes, pdf_file

from .conftest import RANDOM_NAME, files_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name", ["Annual report 2020 (final).pdf", "report.txt", "REPORT.PDF", "report"]
)
def test_the_stored_name_is_random_and_ends_pdf(name):
    document = DocumentFactory(file=pdf_file(name))
    assert RANDOM_NAME.fullmatch(document.file.name), document.file.name


def test_the_stored_bytes_are_the_uploaded_ones_and_the_size_is_recorded():
    content = pdf_bytes("#aa3300")
    document = DocumentFactory(file=pdf_file(content=content))
    document.refresh_from_db()
    with document.file.open("rb") as stored:
        assert stored.read() == content
    assert document.size == len(content)


def test_a_new_file_records_its_own_size():
    document = DocumentFactory()
    bigger = pdf_bytes() + b"\n" * 500
    document.file = pdf_file(content=bigger)
    document.save()
    document.refresh_from_db()
    assert document.size == len(bigger)


def test_saving_a_file_that_is_not_a_pdf_is_refused_and_nothing_is_stored(settings):
    document = Document(title="Report", file=ContentFile(b"<html>page</html>", name="r.pdf"))
    with pytest.raises(ValidationError, match="web page"), transaction.atomic():
        document.save()
    assert not Document.objects.exists()
    assert files_in(settings.MEDIA_ROOT) == []


def test_full_clean_gives_the_message_on_the_file_field():
    document = Document(title="Report", file=ContentFile(b"not a pdf", name="r.pdf"))
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert "This file is not a PDF" in caught.value.message_dict["file"][0]


@pytest.mark.parametrize("year", [1800, 3000])
def test_the_year_must_be_sane(year):
    document = DocumentFactory.build(year=year)
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert "year" in caught.value.message_dict


def test_newest_year_first_then_title_undated_last():
    for title, year in [("B", 2019), ("A", 2019), ("C", 2023), ("Undated", None)]:
        DocumentFactory(title=title, year=year)
    assert [d.title for d in Document.objects.all()] == ["C", "A", "B", "Undated"]


def test_str_link_language_and_address():
    document = DocumentFactory(title="Policy brief", year=2021, language=Language.LAO)
    assert str(document) == "Policy brief (2021)"
    assert document.hreflang == "lo"
    assert document.get_absolute_url() == document.file.url
    assert DocumentFactory.build(language=Language.OTHER).hreflang == ""
