"""Production defaults of the security settings: two-factor login on with DEBUG off, off for
`make run`; the lockout and policy settings read from the environment."""

import json
import os
import subprocess
import sys

from tests.test_settings import ROOT, STRONG_KEY

PRODUCTION = {"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "www.example.org"}
SHOWN = ["MI_SITE_REQUIRE_2FA", "AXES_FAILURE_LIMIT", "AXES_LOCKOUT_PARAMETERS",
         "CLIENT_IP_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"]  # fmt: skip


def settings_under(names=SHOWN, **env: str) -> dict:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY",
             "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "MI_SITE_REQUIRE_2FA",
             "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # fmt: skip
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {names!r}}}))"
    )
    result = subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mi_site.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_requires_two_factor_login_and_secure_cookies():
    values = settings_under(**PRODUCTION)
    assert values["MI_SITE_REQUIRE_2FA"] is True
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["AXES_LOCKOUT_PARAMETERS"] == [["username", "ip_address"]]
    assert values["CLIENT_IP_HEADER"] == ""


def test_development_runs_without_two_factor_login():
    assert settings_under(DEBUG="1")["MI_SITE_REQUIRE_2FA"] is False


def test_the_environment_sets_the_limits_and_the_proxy_header():
    values = settings_under(**PRODUCTION, LOGIN_FAILURE_LIMIT="8", CLIENT_IP_HEADER="X-Real-IP",
                            MI_SITE_REQUIRE_2FA="0")  # fmt: skip
    assert (values["AXES_FAILURE_LIMIT"], values["CLIENT_IP_HEADER"]) == (8, "X-Real-IP")
    assert values["MI_SITE_REQUIRE_2FA"] is False


def test_images_on_object_storage_are_allowed_by_the_policies():
    policies = ["CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_ADMIN"]
    aws = settings_under(policies, **PRODUCTION, S3_BUCKET="mi-media", S3_REGION="ap-southeast-1")
    cdn = settings_under(
        policies,
        **PRODUCTION,
        S3_BUCKET="mi-media",
        S3_CUSTOM_DOMAIN="media.mi.org",
        CSP_IMG_SRC="https://tiles.example.org",
    )
    for policy in policies:
        assert (
            "https://mi-media.s3.ap-southeast-1.amazonaws.com"
            in (aws[policy]["DIRECTIVES"]["img-src"])
        )
        assert {"https://media.mi.org", "https://tiles.example.org"} <= set(
            cdn[policy]["DIRECTIVES"]["img-src"]
        )


def test_media_goes_to_s3_compatible_storage_when_a_bucket_is_set():
    storages = settings_under(
        ["STORAGES"],
        **PRODUCTION,
        S3_BUCKET="mi-media",
        S3_ENDPOINT_URL="https://s3.example.org",
        S3_CUSTOM_DOMAIN="media.example.org",
    )["STORAGES"]
    default = storages["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "mi-media"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert default["OPTIONS"]["custom_domain"] == "media.example.org"
    assert default["OPTIONS"]["querystring_auth"] is False  # public media, unsigned addresses
    assert default["OPTIONS"]["file_overwrite"] is False
    local = settings_under(["STORAGES"], **PRODUCTION)["STORAGES"]["default"]
    assert local["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_the_page_cache_is_on_in_production_and_off_for_make_run():
    assert settings_under(["PAGE_CACHE_ENABLED"], **PRODUCTION)["PAGE_CACHE_ENABLED"] is True
    assert settings_under(["PAGE_CACHE_ENABLED"], DEBUG="1")["PAGE_CACHE_ENABLED"] is False
