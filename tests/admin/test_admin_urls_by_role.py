"""Every admin address, as every role: the README's permission matrix, and never a 500.

The walk reads the admin's URLconf (`admin.site.get_urls()`), so a view added later is
visited too: every model's changelist, add, change, delete and history pages, the editorial
views (compare, restore, preview, share), the user admin's password and two-factor reset
pages, tag merging, app indexes, "view on site", the autocomplete of every autocomplete field,
every changelist action, and the staff addresses beside the admin site (the editor's upload
endpoint, two-factor and password-reset pages). Each is requested as anonymous, Editor,
Publisher, Site administrator and superuser:

- anonymous: sent to the login page (the editor's upload endpoint answers 403 in JSON);
- a role without the permission: 403, or a redirect, or the editorial views' 404 (they do
  not confirm that an item exists to someone who may not change it);
- a role with it: the page (200), and for a POST-only address a 405;
- nobody: a 5xx.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, reverse

from mi_site.core.models import AuditEntry
from mi_site.pages.models import SiteFooter
from tests.factories import UserFactory

from .test_admin_pages import EXAMPLES, MODELS, AccessAttempt, may

ROLES = ["anonymous", "Editors", "Publishers", "Site administrators", "superuser"]
STANDARD = {"changelist", "add", "change", "delete", "history"}
# Nobody adds these through the admin: the system writes the audit log and the failed logins,
# and there is one site footer (the example).
NOT_ADDED = {AuditEntry, SiteFooter, AccessAttempt}
NOT_DELETED = {AuditEntry}
REFUSED = {302, 403, 404}
POST_ONLY = {"restore": {405}, "share": {405}}  # editorial views that change something


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), pattern.name


ADMIN_URLS = sorted(walk(admin.site.get_urls()))
MODEL_VIEWS = {  # "news_article_preview" -> (Article, "preview")
    name: (model, name.removeprefix(f"{model._meta.app_label}_{model._meta.model_name}_"))
    for _, name in ADMIN_URLS
    for model in MODELS
    if name.startswith(f"{model._meta.app_label}_{model._meta.model_name}_")
}


def sign_in(client, role):
    if role == "anonymous":
        return None
    user = UserFactory(is_superuser=True) if role == "superuser" else UserFactory(roles=[role])
    client.force_login(user)
    return user


def concrete(route: str, name: str, obj) -> str:
    """The route with its parameters filled for the example object."""
    kwargs = {}
    for parameter in re.findall(r"<(?:\w+:)?(\w+)>", route):
        if parameter in ("object_id", "id"):
            kwargs[parameter] = obj.pk
        elif parameter == "revision_id":
            kwargs[parameter] = 1
        elif parameter == "content_type_id":
            kwargs[parameter] = ContentType.objects.get_for_model(obj).pk
    if name == "app_list":
        kwargs["app_label"] = obj._meta.app_label
    return reverse(f"admin:{name}", kwargs=kwargs)


def allowed(user, model, view) -> bool:
    """May this role open this standard page of this model (the README's matrix)?"""
    if view in ("changelist", "change", "history"):
        return may(user, "view", model) or may(user, "change", model)
    if view == "add":
        return may(user, "add", model) and model not in NOT_ADDED
    return may(user, "delete", model) and model not in NOT_DELETED


def examples():
    return {model: EXAMPLES[model]() for model in MODELS}


def check(response, url, expected: set[int]):
    assert response.status_code < 500, url
    assert response.status_code in expected, (url, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_admin_address_answers_as_the_matrix_says(client, role):
    objects = examples()
    user = sign_in(client, role)
    for route, name in ADMIN_URLS:
        if name in ("logout", "login"):
            continue
        model, view = MODEL_VIEWS.get(name, (AccessAttempt, name))
        url = concrete(route, name, objects.get(model) or objects[AccessAttempt])
        response = client.get(url)
        if user is None:
            check(response, url, {302})
            assert response["Location"].startswith(reverse("admin:login")), url
        elif view in STANDARD:
            check(response, url, {200} if allowed(user, model, view) else REFUSED)
        elif not (may(user, "view", model) or may(user, "change", model)) and name in MODEL_VIEWS:
            check(response, url, REFUSED | POST_ONLY.get(view, set()))
            if view in POST_ONLY:  # the permission is checked on the POST that does it
                check(client.post(url), url, REFUSED)
        else:
            check(response, url, {200, 302, 404, 405, *REFUSED})


STAFF_PAGES = [  # outside admin.site's URLconf: (url name, anonymous, every logged-in role)
    ("admin_password_reset", {200}, {200}),
    ("two-factor:manage", {302}, {200}),
    ("two-factor:setup", {302}, {200}),
    ("two-factor:verify", {302}, {302}),  # no app set up yet: to the setup page
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_staff_pages_beside_the_admin(client, role):
    user = sign_in(client, role)
    for name, anonymous, signed_in in STAFF_PAGES:
        check(client.get(reverse(name)), name, anonymous if user is None else signed_in)
    upload = reverse("images:editor-upload")
    may_upload = user is not None and (user.is_superuser or role in ("Editors", "Publishers"))
    response = client.post(upload, {})
    check(response, upload, {400} if may_upload else {403})


def actions_offered(model, user) -> set[str]:
    request = RequestFactory().get("/")
    request.user = user
    return set(admin.site._registry[model].get_actions(request))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES[1:])
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_every_action_as_every_role(client, role, model):
    """A role runs the actions its matrix row allows; any other changes nothing."""
    obj = EXAMPLES[model]()
    every = actions_offered(model, UserFactory(is_superuser=True))
    user = sign_in(client, role)
    offered = actions_offered(model, user)
    changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    # Deleting last, so every other action finds the item.
    for action in sorted(every, key=lambda name: (name == "delete_selected", name)):
        before = model.objects.filter(pk=obj.pk).values().first()
        response = client.post(
            changelist, {"action": action, "_selected_action": [obj.pk], "post": "yes"}
        )
        check(response, action, {200, 302, 403})
        if action not in offered:
            assert model.objects.filter(pk=obj.pk).values().first() == before, action
        if not (may(user, "view", model) or may(user, "change", model)):
            assert response.status_code == 403, action


def autocomplete_queries():
    """Every autocomplete field of every admin and inline: (source model, field name)."""
    request = RequestFactory().get("/")
    request.user = UserFactory.build(is_superuser=True, is_active=True, is_staff=True)
    for model, model_admin in admin.site._registry.items():
        for field in model_admin.get_autocomplete_fields(request):
            yield model, field
        for inline in model_admin.get_inline_instances(request):
            for field in inline.get_autocomplete_fields(request):
                yield inline.model, field


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_autocomplete_as_every_role(client, role):
    examples()
    user = sign_in(client, role)
    queries = list(autocomplete_queries())
    assert queries, "the admin has autocomplete fields"
    for model, field in queries:
        query = {"app_label": model._meta.app_label, "model_name": model._meta.model_name,
                 "field_name": field, "term": ""}  # fmt: skip
        response = client.get(reverse("admin:autocomplete"), query)
        if user is None:
            check(response, query, {302})
            continue
        # Django answers whoever may see the rows offered (the related model), as a form does.
        target = model._meta.get_field(field).related_model
        sees = may(user, "view", target) or may(user, "change", target)
        check(response, query, {200} if sees else {403})
