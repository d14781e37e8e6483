"""Run in a subprocess whose DATABASE_URL points at a server that never answers.

Prints, as JSON, what connecting and a few requests did and how long each took, so the test
process never risks its own database connections on the hung server.
"""

import json
import sys
import time

import django


def timed(action):
    started = time.monotonic()
    outcome = action()
    return {**outcome, "elapsed": time.monotonic() - started}


def connect():
    from django.db import OperationalError, connection

    try:
        connection.ensure_connection()
    except OperationalError as exc:
        return {"error": type(exc).__name__}
    return {"error": None}


def fetch(path):
    from django.conf import settings
    from django.test import Client

    client = Client(raise_request_exception=False)
    # A logged-in editor's browser: the admin reads the session before anything else.
    client.cookies[settings.SESSION_COOKIE_NAME] = "e" * 32
    response = client.get(path)
    return {
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "cache_control": response.get("Cache-Control", ""),
        "body": response.content.decode(),
    }


def main(paths):
    django.setup()
    results = {"connect": timed(connect)}
    results.update({path: timed(lambda path=path: fetch(path)) for path in paths})
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
