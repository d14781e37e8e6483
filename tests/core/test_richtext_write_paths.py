"""Every way a row reaches the database stores sanitised rich text.

Each test writes the whole XSS corpus (one row per payload) through one write path into one
rich-text field, then reads the stored values back with `values_list()` — the database, not
the instance — and checks each against the checker and against `sanitize_html(payload)`.
"""

import datetime
import json
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Case, F, Value, When
from django.db.models.functions import Cast, Concat
from django_ckeditor_5.fields import CKEditor5Field

from mi_site.core.richtext import sanitize_html
from news.models import Article
from people.models import Person
from programs.models import Department, Program
from tests.core.xss_payloads import PAYLOADS, unsafe_markup

CLEAN = "<p>Clean text.</p>"
CREATED = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC).isoformat()


@dataclass(frozen=True)
class Target:
    model: type
    field: str
    name_field: str  # a required text column to fill

    def fields(self, i: int, html: str) -> dict:
        return {self.name_field: f"Row {i}", "slug": f"xss-row-{i}", self.field: html}

    def build(self, i: int, html: str):
        return self.model(**self.fields(i, html))

    def rows(self):
        return self.model.objects.filter(slug__startswith="xss-row-")

    def __str__(self):
        return f"{self.model.__name__}.{self.field}"


TARGETS = [
    Target(Article, "body", "title"),
    Target(Program, "body", "title"),
    Target(Person, "biography", "display_name"),
    Target(Person, "education", "display_name"),
    Target(Department, "description", "name"),
]


def expected(payload: str) -> str:
    # The editor's field stores markup with no text and no image (e.g. "<p></p>") as "".
    cleaned = sanitize_html(payload)
    return "" if CKEditor5Field._is_empty_html(cleaned) else cleaned


def write_with_save(target, payloads, tmp_path):
    for i, payload in enumerate(payloads):
        target.build(i, payload).save()


def write_with_create(target, payloads, tmp_path):
    for i, payload in enumerate(payloads):
        target.model.objects.create(**target.fields(i, payload))


def write_with_bulk_create(target, payloads, tmp_path):
    target.model.objects.bulk_create(target.build(i, p) for i, p in enumerate(payloads))


def write_with_update(target, payloads, tmp_path):
    write_with_bulk_create(target, [CLEAN] * len(payloads), tmp_path)
    for i, payload in enumerate(payloads):
        target.rows().filter(slug=f"xss-row-{i}").update(**{target.field: payload})


def write_with_bulk_update(target, payloads, tmp_path):
    write_with_bulk_create(target, [CLEAN] * len(payloads), tmp_path)
    rows = list(target.rows())
    for row in rows:
        setattr(row, target.field, payloads[int(row.slug.removeprefix("xss-row-"))])
    target.model.objects.bulk_update(rows, [target.field], batch_size=40)


def write_with_loaddata(target, payloads, tmp_path):
    # loaddata saves raw: no save() override and no pre_save runs, only get_db_prep_save.
    timestamps = (
        {"created_at": CREATED, "updated_at": CREATED}
        if any(field.name == "created_at" for field in target.model._meta.fields)
        else {}
    )
    fixture = [
        {
            "model": target.model._meta.label_lower,
            "pk": 9000 + i,
            "fields": {**target.fields(i, payload), **timestamps},
        }
        for i, payload in enumerate(payloads)
    ]
    path = tmp_path / "xss.json"
    path.write_text(json.dumps(fixture), encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)


WRITE_PATHS = [
    write_with_save,
    write_with_create,
    write_with_bulk_create,
    write_with_update,
    write_with_bulk_update,
    write_with_loaddata,
]


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=str)
@pytest.mark.parametrize("write", WRITE_PATHS, ids=lambda w: w.__name__.removeprefix("write_"))
def test_every_write_path_stores_sanitised_html(target, write, tmp_path):
    write(target, PAYLOADS, tmp_path)

    stored = dict(target.rows().values_list("slug", target.field))
    assert len(stored) == len(PAYLOADS)
    for i, payload in enumerate(PAYLOADS):
        value = stored[f"xss-row-{i}"]
        assert unsafe_markup(value) == [], (payload, value)
        assert value == expected(payload), payload


@pytest.mark.django_db
def test_save_leaves_the_instance_holding_what_was_stored():
    article = Article.objects.create(title="t", body='<p onclick="x()">Hi</p><script>x</script>')
    assert article.body == "<p>Hi</p>"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "expression",
    [
        Value("<script>alert(1)</script>"),
        Concat(Value("<scr"), Value("ipt>alert(1)</script>")),
        F("title"),
    ],
    ids=["value", "concat", "plain-text-column"],
)
def test_update_refuses_expressions_the_sanitiser_cannot_see(expression):
    article = Article.objects.create(title="<script>alert(1)</script>", body=CLEAN)
    with pytest.raises(TypeError, match="rich text"), transaction.atomic():
        Article.objects.filter(pk=article.pk).update(body=expression)
    assert Article.objects.values_list("body", flat=True).get() == CLEAN


@pytest.mark.django_db
def test_update_may_copy_one_rich_text_field_into_another():
    Person.objects.create(display_name="A", biography="<p>Bio</p><script>x</script>")
    Person.objects.update(education=F("biography"))
    assert Person.objects.values_list("education", flat=True).get() == "<p>Bio</p>"


@pytest.mark.django_db
def test_update_with_a_value_typed_as_rich_text_is_sanitised():
    article = Article.objects.create(title="t", body=CLEAN)
    body = Article._meta.get_field("body")
    Article.objects.filter(pk=article.pk).update(
        body=Value("<p>ok</p><img src=x onerror=alert(1)>", output_field=body)
    )
    assert Article.objects.values_list("body", flat=True).get() == '<p>ok</p><img src="x">'


@pytest.mark.django_db
def test_bulk_updates_cast_case_as_postgresql_builds_it_is_sanitised():
    # On PostgreSQL bulk_update() wraps its CASE in a CAST; the field must accept and clean it.
    article = Article.objects.create(title="t", body=CLEAN)
    body = Article._meta.get_field("body")
    case = Case(When(pk=article.pk, then=Value("<p>ok</p><script>x</script>", output_field=body)))
    Article.objects.filter(pk=article.pk).update(body=Cast(case, output_field=body))
    assert Article.objects.values_list("body", flat=True).get() == "<p>ok</p>"


@pytest.mark.django_db
def test_saving_an_expression_on_the_instance_is_refused():
    article = Article(title="t", body=Value("<script>alert(1)</script>"))
    with pytest.raises(TypeError, match="rich text"), transaction.atomic():
        article.save()
    assert not Article.objects.exists()
