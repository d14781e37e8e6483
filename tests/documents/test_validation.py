"""A document is a PDF by its content, within the size limit, and only its two ends are read."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File

from mi_site.core.documents import validate_pdf
from tests.factories.documents import pdf_bytes, pdf_file

MB = 1024 * 1024
HTML = b"<!DOCTYPE html>\n<html><head><title>Report</title></head><body>Saved page</body></html>"


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_pdf(file)
    return caught.value


class ReadCounter(io.RawIOBase):
    """A file on disk that counts the bytes read from it."""

    def __init__(self, path):
        self.raw_file = open(path, "rb")  # noqa: SIM115 - closed by close()
        self.name = str(path)
        self.bytes_read = 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def read(self, size=-1):
        data = self.raw_file.read(size)
        self.bytes_read += len(data)
        return data

    def seek(self, offset, whence=io.SEEK_SET):
        return self.raw_file.seek(offset, whence)

    def tell(self):
        return self.raw_file.tell()

    def close(self):
        self.raw_file.close()
        super().close()


@pytest.fixture
def sparse_pdf(tmp_path):
    """`sparse_pdf(bytes)`: a file of that size that starts and ends like a PDF, with a hole in
    the middle that takes neither memory nor (on most file systems) disk space."""
    opened = []

    def make(size: int) -> ReadCounter:
        path = tmp_path / f"{size}.pdf"
        with open(path, "wb") as out:
            out.write(b"%PDF-1.7\n")
            out.seek(size - len(b"%%EOF\n"))
            out.write(b"%%EOF\n")
        opened.append(ReadCounter(path))
        return opened[-1]

    yield make
    for counter in opened:
        counter.close()


def test_a_real_pdf_is_accepted():
    validate_pdf(pdf_file())


@pytest.mark.parametrize("name", ["report.txt", "REPORT.PDF", "report"])
def test_a_pdf_is_accepted_whatever_it_is_called(name):
    validate_pdf(pdf_file(name))


def test_an_html_page_renamed_pdf_is_refused_as_a_web_page():
    error = refusal(pdf_file("report.pdf", HTML))
    assert error.code == "html"
    assert "a web page (HTML), not a PDF" in error.messages[0]


def test_a_file_of_another_kind_named_pdf_is_refused():
    error = refusal(pdf_file("report.pdf", b"PK\x03\x04 a Word document, zipped"))
    assert error.code == "not_a_pdf"
    assert "This file is not a PDF" in error.messages[0]


def test_an_empty_file_is_refused():
    error = refusal(pdf_file("report.pdf", b""))
    assert (error.code, error.messages[0]) == (
        "empty",
        "This file is empty. Save or export the document as PDF again and retry.",
    )


def test_a_pdf_cut_short_is_refused():
    whole = pdf_bytes()
    error = refusal(pdf_file("report.pdf", whole[: len(whole) // 2]))
    assert error.code == "truncated"
    assert "This PDF is incomplete" in error.messages[0]


def test_a_100_mb_file_is_refused_by_its_size_without_being_read(sparse_pdf):
    file = sparse_pdf(100 * MB)
    error = refusal(File(file, name="report.pdf"))
    assert error.code == "too_large"
    assert error.messages[0].startswith(
        "This file is 100.0\xa0MB; documents may be at most 25.0\xa0MB."
    )
    assert file.bytes_read == 0


def test_a_pdf_just_within_the_limit_is_read_at_its_two_ends_only(sparse_pdf, settings):
    file = sparse_pdf(settings.DOCUMENT_MAX_BYTES)
    validate_pdf(File(file, name="report.pdf"))
    assert file.bytes_read <= 2048
    assert file.tell() == 0  # left ready to be stored


def test_the_limit_is_the_setting(settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    error = refusal(pdf_file())
    assert error.code == "too_large"
    assert f"This file is {len(pdf_bytes()) / 1024:.1f}\xa0KB" in error.messages[0]
    assert "at most 1000\xa0bytes" in error.messages[0]
