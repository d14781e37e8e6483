"""Text as both databases index and match it, the same for documents and queries.

Thai, Lao, Burmese, Khmer and Chinese (and Japanese kana) are written without spaces between
words, so neither PostgreSQL's parser nor SQLite's tokenizer can find a word inside a run of
them. Each such run is indexed as its overlapping pairs of characters ("澜湄合作" -> "澜湄 湄合
合作"), and a query's run becomes the phrase of its pairs: any part of the run, two characters
or longer, is found (a substring search through the ordinary full-text index).
"""

import re

# Scripts without spaces between words: Thai, Lao, Myanmar (+ extensions), Khmer (+ symbols),
# CJK punctuation-free ideographs (+ extension A, compatibility), hiragana and katakana.
NO_SPACE = (
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f\u1780-\u17ff"
    "\u19e0-\u19ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
_RUN = re.compile(f"[{NO_SPACE}]+")
# A word: letters and digits (with their combining marks), or a run of the scripts above.
WORD = re.compile(f"(?:[{NO_SPACE}]|[^\\W_]|[\u0300-\u036f])+")


def is_run(word: str) -> bool:
    return bool(_RUN.fullmatch(word))


def pairs(run: str) -> list[str]:
    """Overlapping pairs of characters; a single character stays itself."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def split_runs(word: str) -> list[str]:
    """A word split where it passes between a no-space script and any other."""
    return [part for part in re.split(f"([{NO_SPACE}]+)", word) if part]


def prepare(text: str) -> str:
    """Text ready for the index, from `document()`'s already clean text: every no-space run
    written as its pairs."""
    return _RUN.sub(lambda m: f" {' '.join(pairs(m.group()))} ", text)
