"""Bad values in admin addresses and selections: a 400 or the page itself, never a 500.

Tried on everything the registry holds: every autocomplete field (inlines included), every
changelist's search, ordering, page, popup and list-filter parameters (read from the page's own
filters) and date drill-down, every add form's choice fields given as initial values in the
address, and every changelist action run on a selection that cannot exist.

A NUL character anywhere in an admin address is refused with a 400 (PostgreSQL refuses it in
any string: the autocomplete, a search or a text filter answered 500), and so is a search of
10,000 characters (thousands of words exceed SQLite's expression depth).
"""

import pytest
from django.apps import apps
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.admin.views.main import ORDER_VAR, PAGE_VAR, SEARCH_VAR
from django.urls import reverse

from mi_site.core.admin_site import MAX_SEARCH_LENGTH

from .badinput import (
    BAD_VALUES,
    MODEL_ADMINS,
    NUL,
    ROLES,
    autocomplete_fields,
    label,
    some_of_everything,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_role(client, login):
    """`as_role(role)`: the client, logged in, showing a server error as the browser would."""
    some_of_everything()
    client.raise_request_exception = False

    def log_in(role):
        login(role)
        return client

    return log_in


def expected_status(parameter: str, value: str) -> int | None:
    """400 for what the admin refuses outright; None where any answer but a 5xx will do."""
    if NUL in value or (parameter in {SEARCH_VAR, "term"} and len(value) > MAX_SEARCH_LENGTH):
        return 400
    return None


def unexpected(response, expected: int | None) -> bool:
    if expected is not None:
        return response.status_code != expected
    return response.status_code >= 500


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("app_label", "model_name", "field_name"), autocomplete_fields())
def test_every_autocomplete(as_role, role, app_label, model_name, field_name):
    client = as_role(role)
    url = reverse("admin:autocomplete")
    params = {"app_label": app_label, "model_name": model_name, "field_name": field_name}
    everything = client.get(url, {**params, "term": ""})
    assert everything.status_code == 200
    assert everything.json()["results"], "nothing to find: the test would prove nothing"
    statuses = {what: client.get(url, {**params, "term": v}).status_code
                for what, v in BAD_VALUES.items()}  # fmt: skip
    assert statuses == {"non-numeric": 200, "NUL": 400, "10,000 characters": 400}


@pytest.mark.parametrize("model_admin", [ma for ma in MODEL_ADMINS if ma.search_fields], ids=label)
def test_the_longest_search_allowed_is_answered(as_role, model_admin):
    """As many words as fit: each is a condition on every search field, all of them joined."""
    client = as_role("superuser")
    search = ("a " * MAX_SEARCH_LENGTH)[:MAX_SEARCH_LENGTH]
    url = reverse(admin_urlname(model_admin.opts, "changelist"))
    assert client.get(url, {SEARCH_VAR: search}).status_code == 200


def changelist_parameters(changelist) -> list[str]:
    parameters = {SEARCH_VAR, ORDER_VAR, PAGE_VAR, IS_POPUP_VAR, TO_FIELD_VAR}
    for spec in changelist.filter_specs:
        parameters |= set(spec.expected_parameters())
    if changelist.date_hierarchy:
        parameters |= {f"{changelist.date_hierarchy}__{part}" for part in ("year", "month", "day")}
    return sorted(parameters)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model_admin", MODEL_ADMINS, ids=label)
def test_every_changelist_parameter(as_role, role, model_admin):
    client = as_role(role)
    url = reverse(admin_urlname(model_admin.opts, "changelist"))
    page = client.get(url)
    if page.status_code == 403:
        return
    assert page.status_code == 200
    problems = []
    for parameter in changelist_parameters(page.context["cl"]):
        for what, value in BAD_VALUES.items():
            response = client.get(url, {parameter: value})
            if unexpected(response, expected_status(parameter, value)):
                problems.append(f"{parameter} = {what}: {response.status_code}")
    assert problems == []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model_admin", MODEL_ADMINS, ids=label)
def test_every_choice_field_as_an_initial_value(as_role, role, model_admin):
    """`?department=abc` on an add page fills the form: the widget looked `abc` up (a 500)."""
    client = as_role(role)
    url = reverse(admin_urlname(model_admin.opts, "add"))
    page = client.get(url)
    if page.status_code == 403:
        return
    form = page.context["adminform"].form
    choice_fields = [name for name, field in form.fields.items() if hasattr(field, "choices")]
    problems = []
    for name in choice_fields:
        for what, value in BAD_VALUES.items():
            response = client.get(url, {name: value})
            if response.status_code != (expected_status(name, value) or 200):
                problems.append(f"{name} = {what}: {response.status_code}")
    assert problems == []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model_admin", MODEL_ADMINS, ids=label)
def test_every_action_on_a_selection_that_cannot_exist(as_role, role, model_admin):
    """Django filtered `pk__in=["abc"]` before running the action: a ValueError, a 500."""
    client = as_role(role)
    url = reverse(admin_urlname(model_admin.opts, "changelist"))
    page = client.get(url)
    action_form = page.context["action_form"] if page.status_code == 200 else None
    if action_form is None:
        return
    model = apps.get_model(model_admin.opts.label)
    count = model.objects.count()
    problems = []
    actions = [action for action, _ in action_form.fields["action"].choices if action]
    for action in actions:
        for what, value in BAD_VALUES.items():
            # As the changelist posts it, then as an action's confirmation page does.
            for extra in ({"index": "0"}, {"post": "yes"}):
                data = {"action": action, ACTION_CHECKBOX_NAME: [value], **extra}
                response = client.post(url, data)
                if response.status_code != 302 or model.objects.count() != count:
                    problems.append(f"{action} on {what}: {response.status_code}")
    assert problems == []
