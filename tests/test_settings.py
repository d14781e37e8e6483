"""Production settings refuse to start half-configured, and `check --deploy` is clean."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = secrets.token_urlsafe(50)


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY",
             "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT",
             "STATICFILES_STORAGE", "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # fmt: skip
    return subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "mi_site.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"ALLOWED_HOSTS": "www.example.org"}, "SECRET_KEY is not set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "www.example.org"}, "SECRET_KEY is too weak"),
        ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS is not set"),
    ],
    ids=["no-secret-key", "weak-secret-key", "no-allowed-hosts"],
)
def test_production_refuses_to_start_and_names_the_missing_variable(env, message):
    result = manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def test_debug_mode_starts_with_no_variables_at_all():
    result = manage("check", DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_check_deploy_is_clean_in_production_mode():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="www.example.org",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def database_options(**env: str) -> dict:
    result = manage(
        "shell", "--no-imports", "-c",
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))",
        DEBUG="1", **env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


POSTGRES = "postgres://mi@db.example.org:5432/mi_site"


def test_postgresql_gets_connect_statement_and_tcp_timeouts_by_default():
    assert database_options(DATABASE_URL=POSTGRES) == {
        "connect_timeout": 3,
        "options": "-c statement_timeout=10000",
        "keepalives": 1,
        "keepalives_idle": 5,
        "keepalives_interval": 5,
        "keepalives_count": 3,
        "tcp_user_timeout": 15000,
    }


def test_database_timeouts_come_from_the_environment():
    options = database_options(
        DATABASE_URL=POSTGRES, DB_CONNECT_TIMEOUT="7", DB_STATEMENT_TIMEOUT="1234",
        DB_TCP_USER_TIMEOUT="4321",
    )  # fmt: skip
    assert options["connect_timeout"] == 7
    assert options["options"] == "-c statement_timeout=1234"
    assert options["tcp_user_timeout"] == 4321


def test_a_statement_timeout_of_zero_leaves_the_servers_own_setting():
    assert "options" not in database_options(DATABASE_URL=POSTGRES, DB_STATEMENT_TIMEOUT="0")


def test_options_in_the_database_url_win_over_the_defaults():
    options = database_options(DATABASE_URL=f"{POSTGRES}?sslmode=require&connect_timeout=9")
    assert options["sslmode"] == "require"
    assert options["connect_timeout"] == 9


def test_sqlite_keeps_its_own_options():
    assert database_options(DATABASE_URL="sqlite:///db.sqlite3", DB_CONNECT_TIMEOUT="7") == {}
