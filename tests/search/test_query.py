"""What the reader typed becomes a safe, bounded query: odd input never reaches a database."""

import pytest

from mi_site.search.postgres import tsquery_text
from mi_site.search.query import MAX_LENGTH, MAX_TERMS, parse
from mi_site.search.sqlite import match_text


def test_words_become_prefix_terms():
    query = parse("Rice  FARMERS")
    assert [term.words for term in query.terms] == [("rice",), ("farmers",)]
    assert all(term.prefix for term in query.terms)


def test_quotes_make_a_phrase_and_minus_excludes():
    query = parse('"food safety" -thailand')
    phrase, excluded = query.terms
    assert phrase.words == ("food", "safety") and not phrase.prefix
    assert excluded.words == ("thailand",) and excluded.exclude
    assert tsquery_text(query) == "('food' <-> 'safety') & !'thailand'"
    assert match_text(query) == '("food safety") NOT "thailand"'


def test_hyphenated_acronyms_are_phrases():
    assert parse("P-LINK").terms[0].words == ("p", "link")
    assert parse("cross-border e-commerce").highlight_terms == (
        ("cross", "border"),
        ("e", "commerce"),
    )


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "!!! ??? ...", "-", "- -", "\x00", "\x00\x01\x1f\x7f", '"', '""', "'", "*:&|!()<>"],
)
def test_input_without_words_is_an_empty_query(typed):
    assert not parse(typed)


def test_only_common_words_are_recognised():
    query = parse("the of and")
    assert not query and query.only_common_words


def test_a_long_query_is_cut():
    query = parse("mekong " * 10_000)
    assert len(query.text) <= MAX_LENGTH
    assert len(parse(" ".join(f"word{n}" for n in range(100))).terms) == MAX_TERMS


def test_control_characters_and_nul_are_removed():
    query = parse("ri\x00ce\x07 farm\u200bers")
    assert "\x00" not in query.text and "\x07" not in query.text
    assert query


def test_unbalanced_quote_closes_at_the_end():
    assert parse('"rice farmers').terms[0].words == ("rice", "farmers")


def test_nothing_typed_reaches_a_query_language_unquoted():
    query = parse("rice' & !x:* \" OR NEAR(a b) {title}: col:x")
    for word in (w for term in query.terms for w in term.words):
        assert word.isalnum()


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("澜湄合作", ("澜湄", "湄合", "合作")),
        ("ความปลอด", ("คว", "วา", "าม", "มป", "ปล", "ลอ", "อด")),
        ("ຫຼວງ", ("ຫຼ", "ຼວ", "ວງ")),
    ],
)
def test_scripts_without_spaces_become_pairs(typed, words):
    (term,) = parse(typed).terms
    assert term.words == words
    assert parse(typed).highlight_terms == ((typed,),)


def test_vietnamese_keeps_its_letters():
    assert parse("Hà Nội").terms[0].words == ("hà",)
