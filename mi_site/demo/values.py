"""Builders the data modules use: rich text from plain blocks, and times in MI's time zone.

Data modules write prose as plain strings; `html()` turns them into the markup CKEditor would
produce (escaped text, `<p>` paragraphs, headings, lists, block quotes), so no data module
writes tags by hand.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils.html import escape

BANGKOK = ZoneInfo("Asia/Bangkok")


def at(text: str) -> datetime:
    """`at("2020-11-26 10:00")`: an aware time in Bangkok, where MI is based."""
    return datetime.fromisoformat(text).replace(tzinfo=BANGKOK)


def day(text: str) -> date:
    return date.fromisoformat(text)


def h2(text: str) -> tuple[str, str]:
    return ("h2", text)


def bullets(*items: str) -> tuple[str, tuple[str, ...]]:
    return ("ul", items)


def quote(text: str) -> tuple[str, str]:
    return ("blockquote", text)


def _block(block) -> str:
    if isinstance(block, str):
        return f"<p>{escape(block)}</p>"
    kind, content = block
    if kind == "ul":
        return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in content) + "</ul>"
    if kind == "blockquote":
        return f"<blockquote><p>{escape(content)}</p></blockquote>"
    return f"<{kind}>{escape(content)}</{kind}>"


def html(*blocks) -> str:
    """Paragraphs (plain strings), `h2()`, `bullets()` and `quote()` blocks as rich text."""
    return "".join(_block(block) for block in blocks)
