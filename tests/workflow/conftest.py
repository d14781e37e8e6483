import pytest
from django.test import Client
from django.urls import reverse

from tests.admin.formdata import form_data


@pytest.fixture
def editor(role_user):
    return role_user("Editors", username="ann", first_name="Ann", email="ann@mi.example")


@pytest.fixture
def publisher(role_user):
    return role_user("Publishers", username="pim", first_name="Pim", email="pim@mi.example")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def change_url(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def admin_url(item, view: str, *args) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[item.pk, *args])


def save_form(client, item, **changes):
    """Open the item's change form and post it back with `changes`, as a browser would."""
    url = change_url(item)
    return client.post(url, form_data(client.get(url), **changes))
