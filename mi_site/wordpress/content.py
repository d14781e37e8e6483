"""WordPress's stored post content made into the HTML our editor writes.

WordPress keeps content half-rendered: Gutenberg block comments, shortcodes expanded only on
display, and (for classic-editor posts) paragraphs as blank lines that `wpautop` turns into
`<p>` on display. `clean()` does what WordPress would have done on display, as far as it has
a meaning here, and leaves the rest to the sanitiser (`SanitizedHTMLField`), which drops
WordPress's classes, `srcset` and any markup our editor does not produce.
"""

import re

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

CAPTION = re.compile(r"\[caption\b([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
CAPTION_IMAGE = re.compile(r"\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)", re.DOTALL)
CAPTION_ATTRIBUTE = re.compile(r"""\bcaption=(["'])(.*?)\1""", re.DOTALL)

# `[name attrs]`, `[/name]`, `[name /]`, and WordPress's escaped `[[name]]` (shown literally).
SHORTCODE = re.compile(r"(\[?)\[(/?)([A-Za-z][\w-]*)((?:\s[^\[\]]*?)?)\s*(/?)\](\]?)")
# WordPress's own shortcodes: removed even when bare (`[gallery]`); their output (a gallery of
# the post's attachments, a player) has no equivalent in an article's body.
KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed", "audio", "video", "playlist"}

BLOCK_TAGS = (
    "address|article|aside|blockquote|caption|col|colgroup|dd|div|dl|dt|figcaption|figure|"
    "footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tbody|td|tfoot|th|"
    "thead|tr|ul"
)
BLOCK_TAG = re.compile(rf"(</?(?:{BLOCK_TAGS})\b[^>]*>)", re.IGNORECASE)
TAG_NAME = re.compile(r"</?([a-zA-Z0-9]+)")
# Text directly inside these (or at the top level) is made into paragraphs; inside a list
# item, a cell, a heading or a caption it stays as it is.
PARAGRAPHS_INSIDE = {None, "blockquote", "div", "section", "article", "aside", "header",
                     "footer", "main", "nav", "form"}  # fmt: skip
VOID = {"hr", "col"}
# Gutenberg's image and table blocks, marked as our editor marks its own (richtext.py keeps
# only those classes).
BLOCK_FIGURE = re.compile(r"<figure\b[^>]*\bclass=([\"'])[^\"']*\bwp-block-(image|table)\b[^>]*>")


def clean(content: str) -> str:
    """The body to store, before image addresses are rewritten and before sanitising."""
    content = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    has_blocks = "<!-- wp:" in content
    # Block comments, `<!--more-->` and the rest: the sanitiser would drop them too, but a
    # `<!--more-->` alone between blank lines must not become an empty paragraph.
    content = COMMENT.sub("", content)
    content = BLOCK_FIGURE.sub(lambda m: f'<figure class="{m.group(2)}">', content)
    content = CAPTION.sub(_figure, content)
    content = strip_shortcodes(content)
    # WordPress runs wpautop only on classic content; block content is marked up already.
    content = content.strip() if has_blocks else autop(content)
    return re.sub(r"\n{3,}", "\n\n", content)


def _figure(match: re.Match) -> str:
    attributes, inner = match.groups()
    found = CAPTION_IMAGE.match(inner)
    if found is None:
        return inner  # a caption with no image: keep its text
    image, text = found.group(1), found.group(2).strip()
    if not text:
        quoted = CAPTION_ATTRIBUTE.search(attributes)  # WordPress before 3.4
        text = quoted.group(2).strip() if quoted else ""
    caption = f"<figcaption>{text}</figcaption>" if text else ""
    return f'\n\n<figure class="image">{image}{caption}</figure>\n\n'


def strip_shortcodes(content: str) -> str:
    """Remove shortcode tags, keeping the text an enclosing one wraps.

    A bracketed word in prose (`[sic]`, `[Photo: MI]`) is not a shortcode: only WordPress's
    own names, a tag with attributes (`[contact-form-7 id="4"]`), a self-closing tag, or a
    name that also appears as a closing tag (`[vc_row]...[/vc_row]`) are removed.
    """
    closed = {name.lower() for name in re.findall(r"\[/([A-Za-z][\w-]*)\]", content)}

    def replace(match: re.Match) -> str:
        opening, slash, name, attributes, self_closing, closing = match.groups()
        if opening and closing:  # `[[gallery]]` is how WordPress shows a literal `[gallery]`
            return match.group(0)[1:-1]
        is_shortcode = (
            slash
            or self_closing
            or "=" in attributes
            or name.lower() in KNOWN_SHORTCODES
            or name.lower() in closed
        )
        if not is_shortcode:
            return match.group(0)
        return opening + closing

    return SHORTCODE.sub(replace, content)


def autop(content: str) -> str:
    """WordPress's `wpautop`, reduced to what matters once sanitised: text separated by blank
    lines becomes paragraphs, a single line break inside one becomes `<br>`, and block
    elements (headings, lists, tables, figures) are left as they are."""
    parts, open_tags = [], []
    for piece in BLOCK_TAG.split(content):
        if BLOCK_TAG.fullmatch(piece):
            _follow(open_tags, piece)
            parts.append(piece)
        elif (open_tags[-1] if open_tags else None) in PARAGRAPHS_INSIDE:
            parts.append(_paragraphs(piece))
        else:
            parts.append(piece)
    return "".join(parts).strip()


def _follow(open_tags: list[str], tag: str) -> None:
    name = TAG_NAME.match(tag).group(1).lower()
    if tag.startswith("</"):
        if name in open_tags:
            del open_tags[len(open_tags) - 1 - open_tags[::-1].index(name) :]
    elif name not in VOID and not tag.endswith("/>"):
        open_tags.append(name)


def _paragraphs(text: str) -> str:
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text)]
    html = "\n".join(
        "<p>" + re.sub(r"\s*\n\s*", "<br>\n", part) + "</p>" for part in paragraphs if part
    )
    return f"\n{html}\n" if html else "\n"
