"""Login lockout (django-axes): LOGIN_FAILURE_LIMIT wrong passwords lock one username from one
address for the cool-off, and nothing else; a site administrator or a command unlocks."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from mi_site.accounts import lockout
from mi_site.accounts.lockout import client_ip
from tests.factories import UserFactory

LOGIN = reverse("admin:login")
PASSWORD = "a-long-test-password"  # UserFactory's
OFFICE = "203.0.113.10"  # one NAT address for a whole office
ELSEWHERE = "198.51.100.7"


def log_in(client, username, password=PASSWORD, ip=OFFICE):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=ip
    )


def logged_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def fail(client, username, times, ip=OFFICE):
    for _ in range(times):
        assert log_in(client, username, "wrong-password", ip).status_code in (200, 429)


@pytest.fixture
def somchai(db):
    return UserFactory(username="somchai")


@pytest.mark.django_db
def test_failures_lock_the_username_from_that_address_with_a_clear_page(client, settings, somchai):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "somchai", "wrong-password").status_code == 200
    assert logged_in(log_in(client, "somchai"))  # one try left: the right password still works
    client.logout()

    fail(client, "somchai", settings.AXES_FAILURE_LIMIT - 1)
    locked = log_in(client, "somchai", "wrong-password")
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    page = locked.content.decode()
    assert "Try again in 15 minutes" in page
    assert "MI Site administration" in page
    assert reverse("admin_password_reset") in page
    # Now even the right password is refused, with the same page.
    response = log_in(client, "somchai")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_colleague_behind_the_same_address_still_logs_in(client, somchai):
    noy = UserFactory(username="noy")
    fail(client, "somchai", 10)
    assert logged_in(log_in(client, "noy"))
    assert client.session["_auth_user_id"] == str(noy.pk)


@pytest.mark.django_db
def test_the_same_username_from_another_address_still_logs_in(client, somchai):
    fail(client, "somchai", 10)
    assert logged_in(log_in(client, "somchai", ip=ELSEWHERE))


@pytest.mark.django_db
def test_the_lock_ends_after_the_cool_off_counted_from_the_last_try(client, settings, somchai):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, "somchai", settings.AXES_FAILURE_LIMIT)
    with time_machine.travel(start + datetime.timedelta(minutes=14), tick=False):
        locked = log_in(client, "somchai")
        assert locked.status_code == 429
        # Trying while locked starts the cool-off again, and the page says so.
        assert "Try again in 15 minutes" in locked.content.decode()
    with time_machine.travel(start + datetime.timedelta(minutes=28), tick=False):
        assert log_in(client, "somchai").status_code == 429
    with time_machine.travel(start + datetime.timedelta(minutes=44), tick=False):
        assert logged_in(log_in(client, "somchai"))


@pytest.mark.django_db
def test_the_page_counts_down_the_minutes_left(client, settings, somchai):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(client, "somchai", settings.AXES_FAILURE_LIMIT)
    with time_machine.travel(start + datetime.timedelta(minutes=10), tick=False):
        assert lockout.minutes_left("somchai", OFFICE) == 5


@pytest.mark.django_db
def test_a_site_administrator_unlocks_a_login(client, settings, role_user, somchai):
    fail(client, "somchai", settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get(username="somchai", ip_address=OFFICE)
    siteadmin = role_user("Site administrators")
    client.force_login(siteadmin)
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = client.get(changelist).content.decode()
    assert "somchai" in page and OFFICE in page
    response = client.post(
        changelist, {"action": "unlock", "_selected_action": [attempt.pk]}, follow=True
    )
    assert "Unlocked 1 login" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert logged_in(log_in(client, "somchai"))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_other_roles_cannot_see_or_unlock_logins(client, settings, role_user, somchai, role):
    fail(client, "somchai", settings.AXES_FAILURE_LIMIT)
    attempt = AccessAttempt.objects.get()
    client.force_login(role_user(role))
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert client.get(changelist).status_code == 403
    client.post(changelist, {"action": "unlock", "_selected_action": [attempt.pk]})
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


@pytest.mark.django_db
def test_the_operator_unlocks_from_a_shell(client, settings, somchai):
    fail(client, "somchai", settings.AXES_FAILURE_LIMIT)
    call_command("axes_reset_ip_username", OFFICE, "somchai", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert logged_in(log_in(client, "somchai"))


def test_client_address_is_remote_addr_unless_a_proxy_header_is_named(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.10"
    )
    settings.CLIENT_IP_HEADER = ""
    assert client_ip(request) == "10.0.0.2"  # a forged header changes nothing
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.10"  # what our proxy saw, not what the client wrote
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request) == "1.2.3.4"
    settings.TRUSTED_PROXY_COUNT = 3  # fewer entries than proxies: not trusted
    assert client_ip(request) == "10.0.0.2"


@pytest.mark.django_db
def test_behind_a_proxy_the_lock_follows_the_client_address(client, settings, somchai):
    settings.CLIENT_IP_HEADER = "X-Real-IP"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "somchai", "password": "wrong"}, REMOTE_ADDR="10.0.0.2",
                    HTTP_X_REAL_IP=OFFICE)  # fmt: skip
    assert AccessAttempt.objects.get().ip_address == OFFICE
    other = client.post(LOGIN, {"username": "somchai", "password": PASSWORD, "next": "/admin/"},
                        REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP=ELSEWHERE)  # fmt: skip
    assert logged_in(other)
