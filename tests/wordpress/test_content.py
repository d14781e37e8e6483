"""WordPress's stored HTML made into what our editor writes: block comments and shortcodes
gone, captions as figures, classic paragraphs as <p>."""

from mi_site.core.richtext import sanitize_html
from mi_site.wordpress.content import clean


def stored(content: str) -> str:
    return sanitize_html(clean(content))


def test_gutenberg_block_comments_go_and_the_markup_stays_as_it_is():
    body = stored(
        "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->\n\n"
        '<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n'
        '<figure class="wp-block-image size-large"><img src="/a.jpg" alt="A"/>'
        "<figcaption>Cap</figcaption></figure>\n<!-- /wp:image -->\n\n"
        "<!-- wp:separator /-->\nLoose text"
    )
    assert "wp:" not in body and "<!--" not in body
    assert body.startswith("<p>One</p>")
    assert (
        '<figure class="image"><img src="/a.jpg" alt="A"><figcaption>Cap</figcaption></figure>'
        in body
    )
    # Block content is not re-paragraphed: WordPress does not run wpautop on it either.
    assert body.endswith("Loose text")


def test_a_caption_shortcode_becomes_a_figure_with_its_caption():
    body = stored(
        '[caption id="attachment_7" align="alignnone" width="300"]<a href="/big.jpg">'
        '<img src="/small.jpg" alt="Market" width="300" height="200" /></a> Talat Sao '
        "<em>market</em>[/caption]"
    )
    assert body == (
        '<figure class="image"><a href="/big.jpg" rel="noopener noreferrer">'
        '<img src="/small.jpg" alt="Market" width="300" height="200"></a>'
        "<figcaption>Talat Sao <em>market</em></figcaption></figure>"
    )


def test_an_old_caption_attribute_is_the_caption_too():
    body = stored('[caption id="" caption="Old style"]<img src="/a.jpg" alt="" />[/caption]')
    assert "<figcaption>Old style</figcaption>" in body


def test_shortcodes_go_and_the_text_they_wrap_stays():
    body = stored(
        'Intro [gallery ids="1,2"] [gallery] [contact-form-7 id="4" title="Contact"]\n\n'
        '[mi_button url="/apply/"]Apply now[/mi_button] [embed]https://youtu.be/x[/embed] [br /]'
    )
    for code in ("gallery", "contact-form-7", "mi_button", "embed", "[br"):
        assert code not in body
    assert "Apply now" in body and "https://youtu.be/x" in body


def test_brackets_in_prose_are_not_shortcodes():
    body = stored("He said [sic] it. [Photo: MI] Literal [[gallery]] here.")
    assert body == "<p>He said [sic] it. [Photo: MI] Literal [gallery] here.</p>"


def test_classic_paragraphs_become_p_and_single_line_breaks_br():
    body = stored(
        "First line\nsecond line\n\nSecond paragraph\n<h2>Heading</h2>\nAfter heading\n"
        "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<blockquote>Quote one\n\nQuote two</blockquote>"
    )
    assert body == (
        "<p>First line<br>\nsecond line</p>\n<p>Second paragraph</p>\n<h2>Heading</h2>\n"
        "<p>After heading</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        "<blockquote>\n<p>Quote one</p>\n<p>Quote two</p>\n</blockquote>"
    )


def test_the_more_marker_leaves_no_empty_paragraph():
    assert stored("Teaser\n\n<!--more-->\n\nThe rest") == "<p>Teaser</p>\n<p>The rest</p>"


def test_scripts_in_old_content_are_still_dropped_by_the_sanitiser():
    assert "alert" not in stored('Hi<script>alert(1)</script><img src="x" onerror="alert(2)">')
