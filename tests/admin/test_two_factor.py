"""Two-factor login (django-otp): required of publishers, site administrators and superusers
when MI_SITE_REQUIRE_2FA is on, set up at the first login, asked at every login after; a site
administrator resets someone else's lost phone, never their own."""

import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from mi_site.accounts import twofactor
from tests.factories import ArticleFactory

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
SETUP = reverse("two-factor:setup")
VERIFY = reverse("two-factor:verify")
PASSWORD = "a-long-test-password"


@pytest.fixture
def required(settings):
    settings.MI_SITE_REQUIRE_2FA = True


def code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def verified_login(client, user, device):
    """Logged in, the second step passed (as django-otp records it in the session)."""
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()


def log_in(client, user):
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD,
                                   "next": INDEX})  # fmt: skip
    assert response.status_code == 302, "the password step"
    return client.get(INDEX)


def set_up(client, user) -> list[str]:
    """First login: the setup page, its first code, and the backup codes it shows."""
    response = log_in(client, user)
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    page = client.get(response["Location"]).content.decode()
    assert "<svg" in page and "two-factor-secret" in page
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown = client.post(SETUP, {"token": code(device), "next": INDEX})
    assert shown.status_code == 200
    return re.findall(r"<li><code>(\w+)</code></li>", shown.content.decode())


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Publishers", "Site administrators"])
def test_a_role_that_needs_it_sets_it_up_at_the_first_login(client, role_user, required, role):
    user = role_user(role)
    codes = set_up(client, user)
    assert len(codes) == twofactor.BACKUP_CODES
    assert client.get(INDEX).status_code == 200
    assert twofactor.has_app(user)


@pytest.mark.django_db
def test_until_the_code_every_staff_address_waits(client, role_user, required):
    publisher = role_user("Publishers")
    article = ArticleFactory()
    log_in(client, publisher)
    for url in [
        INDEX,
        reverse("admin:news_article_change", args=[article.pk]),
        reverse("admin:news_article_preview", args=[article.pk]),
        reverse("images:editor-upload"),
        reverse("two-factor:manage"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP), url
    # Logging out is always possible.
    assert client.post(reverse("admin:logout")).status_code == 200


@pytest.mark.django_db
def test_later_logins_ask_for_a_code_and_refuse_a_wrong_one(client, role_user, required):
    publisher = role_user("Publishers")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        set_up(client, publisher)
        client.logout()
    with time_machine.travel(start + timezone.timedelta(minutes=2), tick=False):
        response = log_in(client, publisher)
        assert response["Location"].startswith(VERIFY)
        wrong = client.post(VERIFY, {"token": "000000", "next": INDEX})
        assert wrong.status_code == 200
        assert "That code is not right" in wrong.content.decode()
        assert client.get(INDEX).status_code == 302
    # django-otp refuses codes for a while after a wrong one, then the right one passes.
    with time_machine.travel(start + timezone.timedelta(minutes=3), tick=False):
        device = TOTPDevice.objects.get(user=publisher)
        response = client.post(VERIFY, {"token": code(device), "next": INDEX})
        assert (response.status_code, response["Location"]) == (302, INDEX)
        assert client.get(INDEX).status_code == 200


@pytest.mark.django_db
def test_a_backup_code_works_once(client, role_user, required):
    siteadmin = role_user("Site administrators")
    codes = set_up(client, siteadmin)
    client.logout()
    log_in(client, siteadmin)
    assert client.post(VERIFY, {"token": codes[0].upper(), "next": INDEX}).status_code == 302
    assert client.get(INDEX).status_code == 200
    assert twofactor.backup_codes_left(siteadmin) == len(codes) - 1
    client.logout()
    log_in(client, siteadmin)
    assert client.post(VERIFY, {"token": codes[0], "next": INDEX}).status_code == 200


@pytest.mark.django_db
def test_the_next_address_must_be_this_site(client, role_user, required):
    user = role_user("Publishers")
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        set_up(client, user)
        client.logout()
        log_in(client, user)
    with time_machine.travel(start + timezone.timedelta(minutes=1), tick=False):
        device = TOTPDevice.objects.get(user=user)
        response = client.post(VERIFY, {"token": code(device), "next": "https://evil.example/"})
    assert response["Location"] == INDEX


@pytest.mark.django_db
def test_editors_are_not_asked_unless_they_set_it_up(client, role_user, required):
    editor = role_user("Editors")
    assert log_in(client, editor).status_code == 200


@pytest.mark.django_db
def test_off_by_default_in_tests_and_development(client, role_user):
    assert log_in(client, role_user("Publishers")).status_code == 200


@pytest.mark.django_db
def test_a_site_administrator_resets_someone_elses_lost_phone(client, role_user):
    publisher = role_user("Publishers")
    TOTPDevice.objects.create(user=publisher, name="phone")
    twofactor.new_backup_codes(publisher)
    client.force_login(role_user("Site administrators"))
    change = reverse("admin:auth_user_change", args=[publisher.pk])
    reset = reverse("admin:auth_user_reset_two_factor", args=[publisher.pk])
    assert reset in client.get(change).content.decode()
    assert "Reset two-factor login" in client.get(reset).content.decode()
    assert client.post(reset).status_code == 302
    assert not twofactor.has_app(publisher)
    assert twofactor.backup_codes_left(publisher) == 0
    history = client.get(reverse("admin:auth_user_history", args=[publisher.pk]))
    assert "Reset two-factor login." in history.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["Site administrators", "superuser"])
def test_nobody_resets_their_own_second_factor(client, role_user, role):
    user = role_user(role) if role != "superuser" else role_user(is_superuser=True)
    verified_login(client, user, TOTPDevice.objects.create(user=user, name="phone"))
    assert client.get(INDEX).status_code == 200
    reset = reverse("admin:auth_user_reset_two_factor", args=[user.pk])
    assert client.get(reset).status_code == 403
    assert client.post(reset).status_code == 403
    assert twofactor.has_app(user)


@pytest.mark.django_db
def test_only_account_managers_reset_and_never_a_superusers(client, role_user):
    boss = role_user(is_superuser=True)
    TOTPDevice.objects.create(user=boss, name="phone")
    client.force_login(role_user("Site administrators"))
    assert (
        client.post(reverse("admin:auth_user_reset_two_factor", args=[boss.pk])).status_code == 404
    )
    publisher = role_user("Publishers")
    TOTPDevice.objects.create(user=publisher, name="phone")
    client.force_login(role_user("Publishers"))
    reset = reverse("admin:auth_user_reset_two_factor", args=[publisher.pk])
    assert client.post(reset).status_code == 403
    assert twofactor.has_app(boss) and twofactor.has_app(publisher)


@pytest.mark.django_db
def test_new_backup_codes_replace_the_old_ones(client, role_user, required):
    publisher = role_user("Publishers")
    old = set_up(client, publisher)
    response = client.post(reverse("two-factor:manage"))
    new = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(new) == twofactor.BACKUP_CODES and not set(new) & set(old)
    assert twofactor.backup_codes_left(publisher) == twofactor.BACKUP_CODES


@pytest.mark.django_db
def test_the_operator_resets_the_last_superuser_from_a_shell(role_user):
    from io import StringIO

    from django.core.management import CommandError, call_command

    boss = role_user(is_superuser=True, username="boss")
    TOTPDevice.objects.create(user=boss, name="phone")
    twofactor.new_backup_codes(boss)
    out = StringIO()
    call_command("reset_two_factor", "boss", stdout=out)
    assert "Reset two-factor login of boss" in out.getvalue()
    assert not twofactor.has_app(boss) and twofactor.backup_codes_left(boss) == 0
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")
