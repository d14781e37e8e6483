"""Password reset by e-mail from the admin's login page, Django's password validators, and
sessions that end when a password changes or an account is deactivated."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

from .formdata import form_data

LOGIN = reverse("admin:login")
RESET = reverse("admin_password_reset")
INDEX = reverse("admin:index")


def reset_link(client, email) -> str:
    assert client.post(RESET, {"email": email}).status_code == 302
    (message,) = mail.outbox
    return re.search(r"https?://[^/\s]+(/admin/reset/\S+/)", message.body).group(1)


@pytest.mark.django_db
def test_the_login_page_links_to_the_reset_page_in_the_admins_design(client):
    assert f'href="{RESET}"' in client.get(LOGIN).content.decode()
    page = client.get(RESET).content.decode()
    assert "MI Site administration" in page and "Django administration" not in page


@pytest.mark.django_db
def test_a_reset_link_sets_a_new_password_that_passes_the_validators(client):
    user = UserFactory(username="somchai", email="somchai@mekonginstitute.org")
    link = reset_link(client, "somchai@mekonginstitute.org")
    form = client.get(link, follow=True)
    set_password = form.redirect_chain[-1][0]
    for weak in ["short", "password1234", "12345678901234", "somchai12345"]:
        response = client.post(set_password, {"new_password1": weak, "new_password2": weak})
        assert response.status_code == 200, weak
        assert "errorlist" in response.content.decode(), weak
    strong = "lotus-river-kite-1987"
    response = client.post(set_password, {"new_password1": strong, "new_password2": strong})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(strong)
    # The link works once.
    assert "invalid" in client.get(link, follow=True).content.decode().lower()


@pytest.mark.django_db
def test_no_mail_for_an_unknown_address_or_a_deactivated_account(client):
    UserFactory(email="leaver@mekonginstitute.org", is_active=False)
    for email in ["nobody@example.org", "leaver@mekonginstitute.org"]:
        response = client.post(RESET, {"email": email})
        assert response.status_code == 302  # the same answer: no account is revealed
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_reset_ends_the_accounts_other_sessions(client):
    user = UserFactory(email="noy@mekonginstitute.org")
    elsewhere = Client()
    elsewhere.force_login(user)
    assert elsewhere.get(INDEX).status_code == 200
    link = reset_link(client, user.email)
    set_password = client.get(link, follow=True).redirect_chain[-1][0]
    strong = "lotus-river-kite-1987"
    client.post(set_password, {"new_password1": strong, "new_password2": strong})
    assert elsewhere.get(INDEX)["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_a_password_set_by_a_site_administrator_ends_the_users_sessions(client, role_user):
    editor = role_user("Editors")
    theirs = Client()
    theirs.force_login(editor)
    assert theirs.get(INDEX).status_code == 200
    client.force_login(role_user("Site administrators"))
    url = reverse("admin:auth_user_password_change", args=[editor.pk])
    strong = "lotus-river-kite-1987"
    assert client.post(url, form_data(client.get(url), password1=strong,
                                      password2=strong)).status_code == 302  # fmt: skip
    assert theirs.get(INDEX)["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_deactivating_an_account_ends_its_sessions(client, role_user):
    leaver = role_user("Publishers")
    theirs = Client()
    theirs.force_login(leaver)
    assert theirs.get(INDEX).status_code == 200
    client.force_login(role_user("Site administrators"))
    change = reverse("admin:auth_user_change", args=[leaver.pk])
    data = form_data(client.get(change))
    data.pop("is_active")
    assert client.post(change, data).status_code == 302
    assert theirs.get(INDEX)["Location"].startswith(LOGIN)
    # Nor can they log in again, with the right password.
    response = theirs.post(LOGIN, {"username": leaver.username,
                                   "password": "a-long-test-password"})  # fmt: skip
    assert response.status_code == 200
