"""Only sanitised rich text is ever marked safe in a template.

Every other value is autoescaped. A new `|safe` on a title, a summary or a query parameter
is the classic stored or reflected XSS; this test makes it fail the build.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

from mi_site.core.richtext import SanitizedHTMLField

OUR_APPS = ("mi_site", "news", "people", "programs")
VARIABLE = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
# `with_renditions` (images/templatetags/richtext_images.py) marks its value safe too.
MARKED_SAFE = re.compile(r"\|\s*(safe(seq)?|with_renditions)\b")
ESCAPING_OFF = re.compile(r"\{%\s*(autoescape\s+off|filter\s+[^%]*\bsafe)\b")


def rich_text_fields() -> set[str]:
    return {
        field.name
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, SanitizedHTMLField)
    }


def safe_use(fields) -> re.Pattern:
    """The one allowed shape: `{{ object.<rich text field>|safe }}` (or `|with_renditions`),
    nothing chained after."""
    names = "|".join(sorted(fields))
    return re.compile(rf"^\s*[a-z_][\w.]*\.({names})\s*\|\s*(safe|with_renditions)\s*$")


def our_templates() -> list[Path]:
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    folders += [Path(apps.get_app_config(label).path) / "templates" for label in OUR_APPS]
    return sorted(path for folder in folders for path in folder.rglob("*") if path.is_file())


def test_there_are_templates_and_rich_text_fields_to_check():
    assert len(our_templates()) > 10
    assert {"body", "biography", "education", "description"} <= rich_text_fields()


def test_only_rich_text_fields_are_marked_safe():
    allowed = safe_use(rich_text_fields())
    offenders = [
        f"{path.relative_to(settings.BASE_DIR)}: {{{{{variable.strip()}}}}}"
        for path in our_templates()
        for variable in VARIABLE.findall(path.read_text(encoding="utf-8"))
        if MARKED_SAFE.search(variable) and not allowed.match(variable)
    ]
    assert offenders == []


def test_no_template_turns_escaping_off():
    offenders = [
        str(path.relative_to(settings.BASE_DIR))
        for path in our_templates()
        if ESCAPING_OFF.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_check_recognises_what_it_must_refuse():
    allowed = safe_use({"body"})
    assert allowed.match(" article.body|safe ") and allowed.match(" article.body|with_renditions ")
    for unsafe in [" article.title|safe ", " request.GET.q|safe ", " article.body|safe|upper ",
                   " article.title|with_renditions "]:  # fmt: skip
        assert MARKED_SAFE.search(unsafe) and not allowed.match(unsafe)
    assert ESCAPING_OFF.search("{% autoescape off %}") and ESCAPING_OFF.search("{% filter safe %}")
