"""sanitize_html(): the XSS corpus comes out harmless, what CKEditor 5 writes survives, and
cleaning twice changes nothing."""

from html.parser import HTMLParser

import pytest

from mi_site.core.richtext import sanitize_html
from tests.core.xss_payloads import PAYLOADS, unsafe_markup

IMG = '<img src="/media/editor/2026/4f3a9c.jpg" alt="Participants in Mae Sot"'

# What CKEditor 5 (v47, our toolbar) writes, and what must be stored. Only two things change:
# links gain rel="noopener noreferrer", and images lose the inline aspect-ratio style (their
# width and height attributes already reserve the space).
CKEDITOR_OUTPUT = {
    "headings-and-inline": (
        "<h2>Background</h2><h3>Objectives</h3><h4>Results</h4>"
        "<p>The <strong>workshop</strong> was held <i>online</i> and <em>in person</em>."
        "<br>Second line&nbsp;here.</p>",
        None,
    ),
    "links": (
        '<p><a href="https://www.mekonginstitute.org/news/">MI news</a>, '
        '<a href="/people/">our staff</a>, <a href="mailto:info@mekonginstitute.org">mail</a>'
        ' and <a href="tel:+6643202411">phone</a>.</p>',
        '<p><a href="https://www.mekonginstitute.org/news/" rel="noopener noreferrer">MI news'
        '</a>, <a href="/people/" rel="noopener noreferrer">our staff</a>, '
        '<a href="mailto:info@mekonginstitute.org" rel="noopener noreferrer">mail</a> and '
        '<a href="tel:+6643202411" rel="noopener noreferrer">phone</a>.</p>',
    ),
    "lists": (
        "<ul><li>Cambodia<ul><li>Phnom Penh</li></ul></li><li>Lao PDR</li></ul>"
        "<ol><li><p>First step</p><p>with two paragraphs</p></li><li>Second step</li></ol>",
        None,
    ),
    "block-quote": ("<blockquote><p>Migration is a regional matter.</p></blockquote>", None),
    "table-with-caption": (
        '<figure class="table"><table><thead><tr><th>Country</th><th>Participants</th></tr>'
        '</thead><tbody><tr><th>Lao PDR</th><td>12</td></tr><tr><td colspan="2">Total: 12</td>'
        "</tr></tbody></table><figcaption>Participants by country</figcaption></figure>",
        None,
    ),
    "block-image-with-caption": (
        '<figure class="image"><img style="aspect-ratio:1200/800;" src="/media/editor/2026/'
        '4f3a9c.jpg" alt="Participants in Mae Sot" width="1200" height="800">'
        "<figcaption>Participants in Mae Sot</figcaption></figure>",
        f'<figure class="image">{IMG} width="1200" height="800"><figcaption>Participants in '
        "Mae Sot</figcaption></figure>",
    ),
    "side-image": (
        f'<figure class="image image-style-side">{IMG} width="400" height="300"></figure>',
        None,
    ),
    "inline-image": (
        '<p>Before <img style="aspect-ratio:40/30;" src="/media/editor/2026/4f3a9c.jpg" '
        'alt="Participants in Mae Sot" width="40" height="30"> after</p>',
        f'<p>Before {IMG} width="40" height="30"> after</p>',
    ),
    "linked-image": (
        f'<figure class="image"><a href="https://example.org/">{IMG}></a></figure>',
        f'<figure class="image"><a href="https://example.org/" rel="noopener noreferrer">'
        f"{IMG}></a></figure>",
    ),
    "non-latin-text": (
        "<p>สถาบันแม่โขง · ສະຖາບັນແມ່ຂອງ · မဲခေါင်အင်စတီကျု · 湄公河研究所 · Viện Mê Kông</p>",
        None,
    ),
}


def expected(case: str) -> str:
    given, stored = CKEDITOR_OUTPUT[case]
    return given if stored is None else stored


class _Attributes(HTMLParser):
    """Collects the attributes of every tag, to look at one link's attributes exactly."""

    def __init__(self, markup):
        super().__init__()
        self.found = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_corpus_is_large_and_every_payload_is_caught_before_sanitising():
    assert len(PAYLOADS) >= 60
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    # A checker that finds nothing in the raw attack would prove nothing about the output.
    assert [payload for payload in PAYLOADS if not unsafe_markup(payload)] == []


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_harmless_after_sanitising(payload):
    cleaned = sanitize_html(payload)
    assert unsafe_markup(cleaned) == [], cleaned


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sanitising_a_payload_twice_changes_nothing(payload):
    once = sanitize_html(payload)
    assert sanitize_html(once) == once


@pytest.mark.parametrize("case", CKEDITOR_OUTPUT)
def test_ckeditor_output_survives(case):
    assert sanitize_html(CKEDITOR_OUTPUT[case][0]) == expected(case)


@pytest.mark.parametrize("case", CKEDITOR_OUTPUT)
def test_sanitising_ckeditor_output_twice_changes_nothing(case):
    once = sanitize_html(CKEDITOR_OUTPUT[case][0])
    assert sanitize_html(once) == once


def test_a_whole_article_survives_in_one_piece():
    article = "".join(given for given, _ in CKEDITOR_OUTPUT.values())
    assert sanitize_html(article) == "".join(expected(case) for case in CKEDITOR_OUTPUT)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ('<figure class="image evil">', '<figure class="image"></figure>'),
        ('<figure class="image image_resized" style="width:50%">', '<figure class="image">'),
        ('<p class="lead" id="intro">Text</p>', "<p>Text</p>"),
        ('<table class="ck-table-resized"><tr><td>1</td></tr></table>', "<table><tbody>"),
        ('<img class="image-style-side" src="/a.jpg">', '<img src="/a.jpg">'),
    ],
)
def test_unknown_classes_and_ids_are_dropped(given, stored):
    assert sanitize_html(given).startswith(stored)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="https://example.org" target="_blank">new tab</a>',
        '<a href="https://example.org" target="_blank" rel="opener">opener</a>',
        '<a href="https://example.org" rel="nofollow noopener">kept?</a>',
        '<a href="/news/" target="_top">ours</a>',
    ],
)
def test_links_get_noopener_and_lose_target_and_typed_rel(link):
    [(tag, attributes)] = _Attributes(sanitize_html(link)).found
    assert tag == "a"
    assert "target" not in attributes
    assert attributes["rel"] == "noopener noreferrer"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        # Not a scheme to a browser (a relative URL), but it names one: refused all the same.
        ('<img src="`javascript:alert(1)`">', "<img>"),
        ('<a href="/search/?q=javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<img src="/a.jpg" width="100%" height="50">', '<img src="/a.jpg" height="50">'),
        (
            '<table><tr><td colspan="2;x">1</td></tr></table>',
            "<table><tbody><tr><td>1</td></tr></tbody></table>",
        ),
        ('<img src="/a.jpg" srcset="/b.jpg 2x" loading="lazy">', '<img src="/a.jpg">'),
    ],
)
def test_odd_urls_and_sizes_are_refused(given, stored):
    assert sanitize_html(given) == stored


def test_text_is_escaped_not_lost():
    given = '<p>1 < 2 & "quoted" <notatag> &lt;script&gt;</p>'
    assert sanitize_html(given) == '<p>1 &lt; 2 &amp; "quoted"  &lt;script&gt;</p>'


def test_attribute_values_stay_inside_their_quotes():
    cleaned = sanitize_html('<img src="/a.jpg" alt="&quot; onerror=&quot;alert(1)">')
    [(_, attributes)] = _Attributes(cleaned).found
    assert attributes == {"src": "/a.jpg", "alt": '" onerror="alert(1)'}


@pytest.mark.parametrize("empty", [None, "", "   ", "<script>x</script>"])
def test_nothing_left_is_an_empty_string(empty):
    assert sanitize_html(empty) == ""
