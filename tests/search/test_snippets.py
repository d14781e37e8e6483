"""Snippets and titles are escaped text with only our <mark> added."""

from mi_site.core.searchable import plain_text
from mi_site.search.query import parse
from mi_site.search.snippets import highlight, snippet


def terms(typed):
    return parse(typed).highlight_terms


def test_markup_in_a_title_shows_as_text():
    shown = highlight("<script>alert(1)</script> Rice fair", terms("rice script"))
    assert "<script>" not in shown
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in shown
    assert "<mark>Rice</mark> fair" in shown


def test_only_mark_tags_are_added():
    shown = snippet('He said "rice" & <b>beans</b>', terms("rice"))
    assert shown == "He said &quot;<mark>rice</mark>&quot; &amp; &lt;b&gt;beans&lt;/b&gt;"


def test_rich_text_loses_its_markup_before_the_snippet():
    text = plain_text("<p>Rice farmers</p><p>met&nbsp;in <strong>Vientiane</strong>.</p>")
    assert text == "Rice farmers met in Vientiane ."
    assert "<mark>Vientiane</mark>" in snippet(text, terms("vientiane"))


def test_stems_accents_and_case():
    assert "<mark>migrations</mark>" in highlight("Labour migrations", terms("Migration"))
    assert "<mark>Hà Nội</mark>" in highlight("Hà Nội office", terms('"ha noi"'))


def test_no_space_scripts_are_marked_inside_words():
    assert "การประชุม<mark>ความปลอดภัย</mark>อาหาร" in highlight(
        "การประชุมความปลอดภัยอาหาร", terms("ความปลอดภัย")
    )
    assert "澜湄<mark>合作</mark>" in highlight("澜湄合作", terms("合作"))


def test_the_snippet_starts_near_the_first_match():
    text = "Filler words. " * 40 + "The rice harvest was good. " + "More words. " * 40
    shown = snippet(text, terms("harvest"))
    assert shown.startswith("\u2026 ") and shown.endswith(" \u2026")
    assert "<mark>harvest</mark>" in shown
    assert len(shown) < 400
