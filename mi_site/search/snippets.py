"""Highlighted titles and snippets that cannot open a hole.

The text is plain (markup removed when it was indexed, or a title, which is plain text), it
is escaped piece by piece, and the only markup added is our own `<mark>`: a stored
`<script>` in a title shows as text. Matching is what the indexes do, approximately: case
and accents ignored, a word found at the start of longer words ("migration" marks
"migrations"), a no-space run (Thai, Chinese ...) found anywhere.
"""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import is_run

SNIPPET_LENGTH = 240
LEAD_IN = 70  # characters shown before the first match
SCANNED = 20_000  # characters of a long body searched for a match
_SUFFIXES = ("ations", "ation", "ings", "ing", "ers", "ed", "es", "s")


def _fold_table() -> dict[int, str]:
    """Accented Latin (Vietnamese included), Greek and Cyrillic letters -> their base letter."""
    table = {0x130: "i"}  # İ lower-cases to two characters
    for start, end in ((0xC0, 0x530), (0x1E00, 0x2000)):
        for code in range(start, end):
            base = unicodedata.normalize("NFD", chr(code))[0]
            if base != chr(code):
                table[code] = base
    return table


_FOLD = _fold_table()


def folded(text: str) -> str:
    """`text` lower-cased without accents, as long as `text`, position for position."""
    result = text.translate(_FOLD).lower()
    return result if len(result) == len(text) else text.lower()


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _pattern(words: tuple[str, ...]) -> str:
    """One highlight term: a word, or words in a row (a phrase); prefixes where typed."""
    parts = []
    for word in words:
        word = folded(word)
        if is_run(word):
            parts.append(re.escape(word))
        elif len(word) >= 3:
            parts.append(r"(?<![^\W_])" + re.escape(_stem(word)) + r"[^\W_]*")
        else:
            parts.append(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])")
    return r"[\W_]*".join(parts)


def spans(text: str, terms) -> list[tuple[int, int]]:
    """Where the terms occur in `text`: sorted, merged (start, end) pairs."""
    if not terms or not text:
        return []
    pattern = re.compile("|".join(f"(?:{_pattern(words)})" for words in terms))
    found = sorted(m.span() for m in pattern.finditer(folded(text)) if m.end() > m.start())
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, terms, *, offset: int = 0, found=None) -> SafeString:
    """`text` escaped, with each occurrence of the terms in `<mark>`."""
    found = spans(text, terms) if found is None else found
    out, position = [], 0
    for start, end in found:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= position:
            continue
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))  # noqa: S308 (every piece escaped above)


def snippet(text: str, terms) -> SafeString:
    """About `SNIPPET_LENGTH` characters of `text` around the first match, highlighted."""
    text = text[:SCANNED]
    found = spans(text, terms)
    start = 0
    if found and found[0][0] > LEAD_IN:
        start = text.find(" ", found[0][0] - LEAD_IN, found[0][0])
        start = found[0][0] - LEAD_IN if start == -1 else start + 1
    end = start + SNIPPET_LENGTH
    if end < len(text):
        space = text.rfind(" ", start + SNIPPET_LENGTH // 2, end)
        end = space if space != -1 else end
    else:
        end = len(text)
    inside = [(a, b) for a, b in found if b > start and a < end]
    shown = highlight(text[start:end], terms, offset=start, found=inside)
    before = "\u2026 " if start > 0 else ""
    after = " \u2026" if end < len(text) else ""
    return mark_safe(f"{before}{shown}{after}")  # noqa: S308 (shown is escaped)
