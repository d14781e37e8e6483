"""Dependencies point one way: news -> people -> programs -> mi_site.core (STYLE §1).

import-linter checks imports in CI; this checks the data model, which imports can't show: no
foreign key or many-to-many may point from a lower layer to a higher one.
"""

from django.apps import apps

LAYERS = {"core": 0, "programs": 1, "people": 2, "news": 3}


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
    """The audit log, revision states and share links serve every app, so they may name
    Django's and libraries' models, never an app's."""
    app_labels = {"news", "people", "programs"}
    models = list(apps.get_app_config("core").get_models())
    assert {m.__name__ for m in models} == {"AuditEntry", "RevisionState", "ShareLink"}
    for model in models:
        for field in model._meta.get_fields():
            target = field.related_model
            if target is not None and field.concrete:
                assert target._meta.app_label not in app_labels, (model, field)
