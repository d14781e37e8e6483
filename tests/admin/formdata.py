"""Read an admin page's form the way a browser would submit it, so tests POST complete data.

Collects every named input, select and textarea of the page's main form (inline management
forms included), skipping the empty `__prefix__` templates Django renders for "Add another".
"""

from html.parser import HTMLParser

SKIPPED_TYPES = {"submit", "button", "file", "image", "reset"}


class _FormReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea, self._text = name, []
        elif tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in SKIPPED_TYPES or (kind in {"checkbox", "radio"} and "checked" not in attrs):
                return
            self._add(name, attrs.get("value", "on" if kind == "checkbox" else ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            # Browsers drop the one newline that follows <textarea>.
            self._add(self._textarea, "".join(self._text).removeprefix("\n"))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def _add(self, name, value):
        if name and "__prefix__" not in name:
            self.data.append((name, value))


def form_data(response, **changes) -> dict[str, list]:
    """The data the page's form would submit, with `changes` applied (a list sets many values).

    Values are lists, which the test client posts as repeated fields (a QueryDict would post
    only the last value of each).
    """
    reader = _FormReader()
    reader.feed(response.content.decode())
    data: dict[str, list] = {}
    for name, value in reader.data:
        if name not in {"csrfmiddlewaretoken", "q", "action", "select_across", "index"}:
            data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data
