"""Sanitised rich text: the one allow-list every rich-text value passes through on write.

`SanitizedHTMLField` cleans in `pre_save` (so the instance holds what was stored) and in
`get_db_prep_save`, the one hook that `save()`, `bulk_create()`, `QuerySet.update()` and
`loaddata` all reach. Only values of this field may be marked safe in a template.
"""

import nh3
from django_ckeditor_5.fields import CKEditor5Field

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "a",
    "ul", "ol", "li", "blockquote",
    "figure", "figcaption", "img",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "col": {"span"},
    "colgroup": {"span"},
}

# CKEditor 5 marks images and tables with these classes; nothing else may carry a class.
ALLOWED_CLASSES = {
    "figure": {"image", "table", "image-style-side", "image-style-block-align-left",
               "image-style-block-align-right", "image-inline"},
}  # fmt: skip

URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value: str | None) -> str:
    """Return `value` reduced to the allow-list. Idempotent: cleaning twice changes nothing."""
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template",
                            "noscript", "textarea", "select", "math", "svg"},
    )  # fmt: skip
    return cleaned.strip()


class SanitizedHTMLField(CKEditor5Field):
    """A rich-text field edited with CKEditor 5 and sanitised on every write path."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(super().pre_save(model_instance, add))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(sanitize_html(value), connection)
