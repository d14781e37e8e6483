"""The demo's document: a well-formed PDF, attached to a program and the seed article, shown on
their pages."""

import re

from documents.models import Document
from mi_site.demo.articles.seed import SEED_TITLE
from mi_site.demo.programs import LABOUR_MIGRATION
from news.models import Article
from programs.models import Program


def test_a_report_is_attached_to_the_program_and_the_seed_article(demo, client):
    report = Document.objects.get()
    program = Program.objects.get(title=LABOUR_MIGRATION)
    article = Article.objects.get(title=SEED_TITLE)

    assert list(program.documents.all()) == list(article.documents.all()) == [report]
    assert (report.language, report.year) == ("en", 2020) and report.description
    for item in (program, article):
        page = client.get(item.get_absolute_url()).content.decode()
        assert f'<a href="{report.file.url}" type="application/pdf" hreflang="en">' in page


def test_the_report_is_a_well_formed_pdf(demo):
    report = Document.objects.get()
    with report.file.open("rb") as stored:
        content = stored.read()

    assert report.size == len(content) and report.file.name.endswith(".pdf")
    assert content.startswith(b"%PDF-1.4\n") and content.endswith(b"%%EOF\n")
    # Every cross-reference entry points at its object, and startxref at the table.
    xref_at = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
    assert content[xref_at:].startswith(b"xref\n0 7\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", content[xref_at:])
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj\n" % number)
    length = int(re.search(rb"/Length (\d+)", content).group(1))
    stream = content.split(b"stream\n", 1)[1]
    assert stream[length:].startswith(b"\nendstream")
    assert b"(Labor Migration Strategic Management in the GMS: Synthesis Report) Tj" in content
