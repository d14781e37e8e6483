"""Sanitised rich text: the one allow-list every rich-text value passes through on write.

`SanitizedHTMLField` cleans in `pre_save` (so the instance holds what was stored) and in
`get_db_prep_save`, the one hook that `save()`, `bulk_create()`, `bulk_update()`,
`QuerySet.update()` and `loaddata` all reach. A database expression cannot be cleaned in
Python, so the field refuses any expression that could bring in text from elsewhere (see
`_is_clean_expression`). Only values of this field may be marked safe in a template.

The allow-list is what our CKEditor 5 configuration produces (settings.CKEDITOR_5_CONFIGS):
headings h2-h4, paragraphs, bold/italic, links, lists, block quotes, tables with captions and
images with captions. Anything else is dropped, its text kept.

Apps the kernel cannot import add steps after the allow-list with `after_sanitizing()`: the
media library marks each of its images with a stable `data-image` reference
(images/richtext.py). The field stores what `clean_rich_text()` returns: the allow-list, then
those steps.
"""

import re
from collections.abc import Callable

import nh3
from django.db.models import Case, Value, When
from django.db.models.expressions import Col
from django.db.models.functions import Cast
from django_ckeditor_5.fields import CKEditor5Field

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    # data-image: the media library's id of the image (images/richtext.py), digits only.
    "img": {"src", "alt", "width", "height", "data-image"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
}

# CKEditor 5 marks images and tables with these classes (ImageStyle, Table); nothing else may
# carry a class. Resized images (`image_resized`) are not offered: the plugin is disabled.
ALLOWED_CLASSES = {
    "figure": {"image", "table", "image-style-side", "image-style-block-align-left",
               "image-style-block-align-right", "image-inline"},
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Removed with everything inside them: their content is code or markup, never prose.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "embed", "template", "noscript", "noembed",
    "noframes", "textarea", "select", "math", "svg", "xmp",
}  # fmt: skip

NUMERIC_ATTRIBUTES = {"width", "height", "colspan", "rowspan", "span"}
_IMAGE_ID = re.compile(r"[0-9]{1,18}")
URL_ATTRIBUTES = {"href", "src"}
# Browsers drop tabs, newlines and other control characters inside a URL before reading its
# scheme, so "java\tscript:" runs as JavaScript; compare with them removed.
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_DANGEROUS_IN_URLS = ("javascript:", "vbscript:", "data:", "livescript:")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Second line of defence after nh3's scheme check: refuse a URL that mentions a script
    scheme anywhere, and size attributes that are not plain numbers."""
    if attribute in URL_ATTRIBUTES:
        squeezed = _IGNORED_IN_URLS.sub("", value).lower()
        if any(marker in squeezed for marker in _DANGEROUS_IN_URLS):
            return None
    if attribute in NUMERIC_ATTRIBUTES and not value.strip().isdigit():
        return None
    if attribute == "data-image" and not _IMAGE_ID.fullmatch(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_filter_attribute,
    allowed_classes=ALLOWED_CLASSES,
    url_schemes=URL_SCHEMES,
    # All links, ours included: cheaper than telling them apart, and the issue asks for at
    # least the external ones. An editor's own `rel` or `target` never survives.
    link_rel="noopener noreferrer",
    strip_comments=True,
    clean_content_tags=DROPPED_WITH_CONTENT,
)


def sanitize_html(value) -> str:
    """Return `value` reduced to the allow-list. Idempotent: cleaning twice changes nothing."""
    if value is None or value == "":
        return ""
    return _CLEANER.clean(str(value)).strip()


# Steps run on sanitised HTML before it is stored, registered by apps in their `ready()`. Each
# takes and returns a string, may only add or remove allow-listed markup, and must be
# idempotent, as the allow-list is.
_AFTER_SANITIZING: list[Callable[[str], str]] = []


def after_sanitizing(step: Callable[[str], str]) -> Callable[[str], str]:
    """Register `step` to run on every rich-text value after the allow-list, on every write."""
    if step not in _AFTER_SANITIZING:
        _AFTER_SANITIZING.append(step)
    return step


def clean_rich_text(value) -> str:
    """What a `SanitizedHTMLField` stores for `value`: the allow-list, then the registered
    steps. Needs the database when a step does (the media library's looks up its images)."""
    html = sanitize_html(value)
    for step in _AFTER_SANITIZING:
        html = step(html)
    return html


def _is_clean_expression(expression) -> bool:
    """True for the expressions that cannot smuggle in unsanitised text: `bulk_update()`'s
    CASE over values typed as this field (compiled through `get_db_prep_save`), NULL, and
    copies of another sanitised column."""
    if isinstance(expression, Value):
        field = expression._output_field_or_none
        return expression.value is None or isinstance(field, SanitizedHTMLField)
    if isinstance(expression, Col):
        return isinstance(expression.target, SanitizedHTMLField)
    if isinstance(expression, When):
        return _is_clean_expression(expression.result)  # the condition only filters rows
    if isinstance(expression, Case | Cast):
        return all(
            source is None or _is_clean_expression(source)
            for source in expression.get_source_expressions()
        )
    return False


class _Cleaned(str):
    """What `SanitizedHTMLField._clean` returned: a save's `get_db_prep_save` stores it as it
    is instead of cleaning the `pre_save` value a second time (the allow-list and the
    registered steps, which may query). Only `_clean` makes one."""


class SanitizedHTMLField(CKEditor5Field):
    """A rich-text field edited with CKEditor 5 and sanitised on every write path."""

    def _clean(self, value) -> str:
        # A migration's historical model gets the allow-list only: the registered steps read
        # the apps' present tables, which an old migration may run before they exist.
        if self.model.__module__ == "__fake__":
            return sanitize_html(value)
        return clean_rich_text(value)

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if hasattr(value, "resolve_expression"):
            # An INSERT compiles expressions without get_db_prep_save: nothing could clean it.
            raise TypeError(
                f"{self.model.__name__}.{self.name} is rich text: assign a string, not a "
                "database expression, so that it can be sanitised."
            )
        value = _Cleaned(self._clean(value))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if hasattr(value, "as_sql"):
            if not _is_clean_expression(value):
                raise TypeError(
                    f"{self.model.__name__}.{self.name} is rich text: update it with strings "
                    "(or a copy of another rich-text field), not with a database expression "
                    "that the sanitiser cannot see."
                )
            return value
        clean = str(value) if isinstance(value, _Cleaned) else self._clean(value)
        return super().get_db_prep_save(clean, connection)
