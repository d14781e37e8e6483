"""Documents: a program report as a small PDF, written byte by byte (no PDF library needed).

The PDF is one A4 page of Helvetica text with a title and author in its document information,
a cross-reference table with real offsets and the `%%EOF` end marker: a file every reader opens
and the upload check (mi_site/core/documents.py) accepts. The same text gives the same bytes, so
the demo is the same on every machine and a second run finds nothing to change.
"""

from django.core.files.base import ContentFile

from documents.models import Document, Language
from mi_site.core.sync import Writer

from .refs import Refs

SYNTHESIS_REPORT = "labour-migration-synthesis-report"

DOCUMENTS = [
    {
        "key": SYNTHESIS_REPORT,
        "title": "Labor Migration Strategic Management in the GMS: Synthesis Report",
        "language": Language.ENGLISH,
        "year": 2020,
        "description": "What the labour ministries and recruitment agencies of the six GMS "
        "countries did with their action plans from 2017 to 2020, and what they recommend.",
        "lines": [
            "Mekong Institute, Khon Kaen, Thailand - November 2020",
            "",
            "1. Background",
            "From 2017 to 2020, labour ministries and recruitment agencies of Cambodia,",
            "P.R. China, Lao PDR, Myanmar, Thailand and Vietnam took part in a regional",
            "learning program on labour migration, supported by the Thailand International",
            "Cooperation Agency (TICA).",
            "",
            "2. Findings",
            "Participants carried out 26 action plans at home: trainings on ethical",
            "recruitment, pre-departure orientation and the return of migrant workers.",
            "",
            "3. Recommendations",
            "Keep a regional platform of exchange; share data on recruitment costs;",
            "plan for labour mobility after COVID-19.",
        ],
    },
]


def _text(value: str) -> bytes:
    """A PDF string literal: ASCII, with its three special characters escaped."""
    escaped = value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"(" + escaped.encode("ascii") + b")"


def pdf(title: str, lines: list[str], *, author: str = "Mekong Institute") -> bytes:
    """A one-page PDF showing `title` and `lines`."""
    text = [b"BT /F1 16 Tf 72 770 Td " + _text(title) + b" Tj ET", b"BT /F1 11 Tf 15 TL 72 735 Td"]
    text += [_text(line) + b" Tj T*" for line in lines]
    stream = b"\n".join([*text, b"ET"])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title " + _text(title) + b" /Author " + _text(author) + b" >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def load_documents(writer: Writer, refs: Refs) -> None:
    for data in DOCUMENTS:
        refs.documents[data["key"]] = writer.save(
            Document,
            {"title": data["title"]},
            {
                "language": data["language"],
                "year": data["year"],
                "description": data["description"],
            },
            images={
                "file": lambda d=data: ContentFile(pdf(d["title"], d["lines"]), name="report.pdf")
            },
        )
