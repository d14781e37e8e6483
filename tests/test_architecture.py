"""Dependencies point one way: news -> people -> programs -> documents -> mi_site.core (STYLE §1).

import-linter checks imports in CI; this checks the data model, which imports can't show: no
foreign key or many-to-many may point from a lower layer to a higher one.
"""

import re
from pathlib import Path

import pytest
from django.apps import apps

LAYERS = {"core": 0, "documents": 1, "images": 1, "programs": 2, "people": 3, "news": 4}


def relations():
    for model in apps.get_models():
        source = model._meta.app_label
        if source not in LAYERS:
            continue
        for field in model._meta.get_fields(include_hidden=True):
            if field.is_relation and not field.auto_created and field.related_model:
                yield model, field, field.related_model._meta.app_label


def test_every_relation_points_down_the_layers():
    upward = [
        f"{model.__name__}.{field.name} -> {target}"
        for model, field, target in relations()
        if target in LAYERS and LAYERS[target] > LAYERS[model._meta.app_label]
    ]
    assert upward == []


def test_the_check_sees_the_relations_it_guards():
    # A vacuous pass (no relations found) would prove nothing.
    seen = {(m.__name__, f.name) for m, f, _ in relations()}
    assert {("Article", "people"), ("Person", "department"), ("Program", "countries")} <= seen


def test_the_kernels_own_tables_point_at_content_only_through_content_types():
    """The audit log, revision states, share links and redirects serve every app, so they may name
    Django's and libraries' models, never an app's."""
    app_labels = {"news", "people", "programs", "documents"}
    models = list(apps.get_app_config("core").get_models())
    assert {m.__name__ for m in models} == {"AuditEntry", "RevisionState", "ShareLink", "Redirect"}
    for model in models:
        for field in model._meta.get_fields():
            target = field.related_model
            if target is not None and field.concrete:
                assert target._meta.app_label not in app_labels, (model, field)


ROOT = Path(__file__).resolve().parent.parent


def upward_reverse_names():
    """(lower app, name) for every reverse relation a higher app's model adds to a lower
    app's model: the accessor (`program.articles`) and the lookup (`articles__title`)."""
    for model, field, target in relations():
        source = model._meta.app_label
        if target not in LAYERS or LAYERS[target] >= LAYERS[source]:
            continue
        if field.remote_field.hidden:  # related_name="+": nothing to read
            continue
        yield target, field.remote_field.get_accessor_name(), field.related_query_name()


def reverse_reads(app: str, source: str) -> list[str]:
    """The higher apps' reverse relations that `source`, code or a template of `app`, uses."""
    found = []
    for lower, accessor, query in upward_reverse_names():
        if lower != app:
            continue
        patterns = [rf"\.{accessor}\b", rf"\b{query}__\w", rf"[\"']{accessor}[\"']"]
        found += [accessor for pattern in patterns if re.search(pattern, source)]
    return sorted(set(found))


def app_sources(app: str):
    folder = ROOT / app
    yield from (f for f in folder.rglob("*.py") if "migrations" not in f.parts)
    yield from (ROOT / "templates" / app).rglob("*.html")


@pytest.mark.parametrize("app", ["documents", "programs", "people"])
def test_lower_apps_never_read_a_higher_apps_reverse_relations(app):
    """A program page reading `program.articles` ties programs to news: code that spans apps
    belongs in the composition layer (mi_site/pages/composed.py)."""
    uses = {
        str(path.relative_to(ROOT)): names
        for path in app_sources(app)
        if (names := reverse_reads(app, path.read_text(encoding="utf-8")))
    }
    assert uses == {}


def test_the_reverse_relation_check_finds_what_it_guards():
    assert reverse_reads("programs", "news = program.articles.live()") == ["articles"]
    assert reverse_reads("programs", 'prefetch_related("memberships")') == ["memberships"]
    assert reverse_reads("programs", "Program.objects.filter(articles__title='x')") == ["articles"]
    assert reverse_reads("people", "{% for a in person.articles.all %}") == ["articles"]
    assert reverse_reads("programs", "program.countries.all()") == []
