"""Scale-out, exercised on one machine: two app servers, one Redis, one PostgreSQL.

    .venv/bin/python deploy/two_servers.py      (or: make two-servers)

Builds a fresh database (`mi_two`) with the demo content, starts two gunicorn servers on two
ports with production settings sharing that database and Redis (database 8), then checks what
the README's "Scaling out" promises:

1. a page cached on server B is replaced the moment an editor saves through server A (the
   content version lives in Redis, which both read);
2. a login made on server A is a session on server B (sessions live in the database);
3. both serve the same page bytes for the same content version (same ETag).

Prints each check and exits non-zero if one fails. Needs PostgreSQL and Redis on localhost.
"""

import http.cookiejar
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.servers import gunicorn  # noqa: E402 (the bench's server helpers)

SERVER = os.environ.get("TWO_SERVERS_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB = "mi_two"
REDIS_URL = "redis://127.0.0.1:6379/8"
PASSWORD = secrets.token_urlsafe(16)


class FormReader(HTMLParser):
    """The named fields of the page's main form, as a browser would post them."""

    SKIPPED = {"submit", "button", "file", "image", "reset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data, self._select, self._textarea, self._text = [], None, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = name, []
        elif tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in self.SKIPPED or (kind in {"checkbox", "radio"} and "checked" not in attrs):
                return
            self.data.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.data.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def manage(env, *args) -> str:
    """The last line the command printed."""
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)  # fmt: skip
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


class LocalPolicy(http.cookiejar.DefaultCookiePolicy):
    """Send the site's Secure cookies over plain HTTP: the servers here have no TLS in front,
    as they would behind the proxy in production."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar(LocalPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url, host: str | None = None) -> tuple[int, dict, str]:
        """GET `url`; `host` sends that Host header, as the proxy in front of both would."""
        request = urllib.request.Request(url, headers={"Host": host} if host else {})
        with self.opener.open(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()

    def post(self, url, data, referer) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(url, body, headers={"Referer": referer})
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.read().decode()

    def csrf(self) -> str:
        return next(c.value for c in self.jar if c.name == "csrftoken")


def check(label: str, ok: bool) -> bool:
    print(f"{'PASS' if ok else 'FAIL'}  {label}", flush=True)
    return ok


def main() -> int:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mi_site.settings",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{SERVER}/{DB}",
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE": "1",
        "MI_SITE_REQUIRE_2FA": "0",
        "STATICFILES_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    env.pop("DEBUG", None)
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"mi-two-{os.getpid()}"
    work.mkdir()
    env["MEDIA_ROOT"] = str(work / "media")
    subprocess.run(["dropdb", "--force", "--if-exists", f"--maintenance-db={SERVER}/postgres",
                    DB], check=True)  # fmt: skip
    subprocess.run(["createdb", f"--maintenance-db={SERVER}/postgres", DB], check=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_demo_content")
    manage(env, "shell", "-c", "from django.contrib.auth.models import User; "
           f"User.objects.create_superuser('two', 'two@example.org', {PASSWORD!r})")  # fmt: skip
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    results = []
    with gunicorn(env, work) as a, gunicorn(env, work) as b:
        print(f"server A {a}, server B {b}", flush=True)
        reader = Browser()
        article_path = manage(env, "shell", "-c", "from news.models import Article; "
                              "print(Article.objects.live().first().get_absolute_url())"
                              ).strip()  # fmt: skip
        reader.get(b + article_path)
        status, headers, _ = reader.get(b + article_path)
        results.append(check("B serves the article from its cache",
                             headers.get("X-Cache") == "hit"))  # fmt: skip
        # Behind one proxy both get the same Host, so they share one cached copy.
        _, headers_a, page_a = reader.get(a + article_path, host="localhost")
        _, headers_b, page_b = reader.get(b + article_path, host="localhost")
        results.append(
            check(
                "A and B serve the same page under the same ETag",
                headers_a["ETag"] == headers_b["ETag"] and page_a == page_b,
            )
        )

        editor = Browser()
        editor.get(a + "/admin/login/")
        editor.post(a + "/admin/login/?next=/admin/", {"csrfmiddlewaretoken": editor.csrf(),
                    "username": "two", "password": PASSWORD, "next": "/admin/"},
                    a + "/admin/login/")  # fmt: skip
        status, _, page = editor.get(b + "/admin/")
        results.append(check("a login made on A is a session on B",
                             status == 200 and "Log out" in page))  # fmt: skip

        pk = manage(env, "shell", "-c", "from news.models import Article; "
                    "print(Article.objects.live().first().pk)").strip()  # fmt: skip
        change = f"{a}/admin/news/article/{pk}/change/"
        _, _, form = editor.get(change)
        parsed = FormReader()
        parsed.feed(form)
        data = [(k, v) for k, v in parsed.data if k not in ("title",)]
        title = f"Published through server A at {time.strftime('%H:%M:%S')}"
        data += [("title", title), ("_save", "Save")]
        editor.post(change, data, change)
        _, headers, page = reader.get(b + article_path)
        results.append(check("B shows a change saved through A at once, not from its cache",
                             title in page and headers.get("X-Cache") != "hit"))  # fmt: skip
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
