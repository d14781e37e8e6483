"""What the reader typed, made safe and read once: words, "quoted phrases" and -exclusions.

Any input is accepted: it is cut to `MAX_LENGTH` characters, control characters (NUL
included) become spaces, unbalanced quotes close at the end, punctuation separates words, a
`-` with nothing after it is ignored, and common English words are left out. What is left is
a `Query` of terms, which each database backend writes in its own syntax; no character the
reader typed reaches a query language unescaped (a word is letters and digits only).
"""

from dataclasses import dataclass

from mi_site.core.searchable import clean_text

from .text import WORD, is_run, pairs, split_runs

MAX_LENGTH = 200  # characters kept of what was typed
MAX_TERMS = 12  # terms kept: a pasted paragraph still makes a bounded query

# PostgreSQL's English stop words that readers type (SQLite has none): left out on both
# databases, so both find the same things.
STOP_WORDS = frozenset([
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in",
    "into", "is", "it", "its", "of", "on", "or", "that", "the", "their", "there", "these", "this",
    "to", "was", "were", "which", "will", "with",
])  # fmt: skip


@dataclass(frozen=True)
class Term:
    """One word, or a phrase (quoted words, a hyphenated word, a no-space run as pairs)."""

    words: tuple[str, ...]
    exclude: bool = False
    prefix: bool = False  # the last word also matches longer words that start with it


@dataclass(frozen=True)
class Query:
    text: str  # what was typed, cleaned and cut: shown back in the search box
    terms: tuple[Term, ...] = ()
    only_common_words: bool = False

    @property
    def included(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if not term.exclude)

    @property
    def excluded(self) -> tuple[Term, ...]:
        return tuple(term for term in self.terms if term.exclude)

    def __bool__(self) -> bool:
        """A query worth asking the database: at least one term to find."""
        return bool(self.included)

    @property
    def highlight_terms(self) -> tuple[tuple[str, ...], ...]:
        """What to mark in results: each term's words (a no-space run joined back)."""
        return tuple(_joined(term.words) for term in self.included)

    @property
    def loose_text(self) -> str:
        """The included words as plain text, for similarity (misspelt names)."""
        return " ".join(w for term in self.included for w in term.words if not is_run(w))


def _joined(words: tuple[str, ...]) -> tuple[str, ...]:
    if len(words) > 1 and all(len(word) == 2 and is_run(word) for word in words):
        return (words[0] + "".join(word[1] for word in words[1:]),)
    return words


def _chunks(text: str):
    """(excluded, quoted, chunk) for each "phrase" and each bare token, in order."""
    position, length = 0, len(text)
    while position < length:
        if text[position].isspace():
            position += 1
            continue
        exclude = text[position] == "-"
        start = position + 1 if exclude else position
        if start < length and text[start] == '"':
            end = text.find('"', start + 1)
            end = length if end == -1 else end  # an unbalanced quote closes at the end
            yield exclude, True, text[start + 1 : end]
            position = end + 1
        else:
            end = start
            while end < length and not text[end].isspace():
                end += 1
            yield exclude, False, text[start:end]
            position = end


def _term(chunk: str, *, exclude: bool, quoted: bool) -> Term | None:
    words = []
    for word in WORD.findall(chunk.lower()):
        if not (is_run(word) or any(char.isalnum() for char in word)):
            continue  # combining marks alone
        for part in split_runs(word):
            words.extend(pairs(part) if is_run(part) else [part])
    if not words:
        return None
    single_char_run = len(words) == 1 and is_run(words[0]) and len(words[0]) == 1
    if len(words) == 1 and not is_run(words[0]):
        prefix = not quoted
    else:
        prefix = single_char_run or (not quoted and not is_run(words[-1]))
    return Term(tuple(words), exclude=exclude, prefix=prefix and not exclude)


def parse(typed: str | None) -> Query:
    text = clean_text((typed or "")[: MAX_LENGTH * 4])[:MAX_LENGTH].strip()
    terms, common = [], False
    for exclude, quoted, chunk in _chunks(text):
        term = _term(chunk, exclude=exclude, quoted=quoted)
        if term is None:
            continue
        if len(term.words) == 1 and term.words[0] in STOP_WORDS:
            common = True
            continue
        if term not in terms:
            terms.append(term)
    terms = terms[:MAX_TERMS]
    findable = any(not term.exclude for term in terms)  # what Query.__bool__ asks
    return Query(text, tuple(terms), only_common_words=common and not findable)
