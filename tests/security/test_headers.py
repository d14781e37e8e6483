"""Security headers on every response: the public Content-Security-Policy (no inline or
evaluated script, no plugins, no <base> or framing tricks), the admin's policy with only the
editor's exceptions, Permissions-Policy, and staff pages kept out of search engines without
robots.txt naming them. The browser proves the policies block nothing we serve
(tests/browser/test_csp.py)."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory


def policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


PUBLIC = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Each exception of the admin, and the reason, are in the README ("Security").
ADMIN = {**PUBLIC, "style-src-attr": ["'unsafe-inline'"], "img-src": ["'self'", "data:"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/news/", "/no-such-page/", "/robots.txt", "/feeds/news/rss/"]
)
def test_public_responses_carry_the_strict_policy(client, path):
    response = client.get(path)
    assert policy(response) == PUBLIC
    assert "unsafe" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_an_article_with_json_ld_needs_no_script_exception(client):
    """JSON-LD is data (`type="application/ld+json"`): browsers do not run it, so CSP lets it
    be; the browser test checks that no violation is reported for it."""
    article = ArticleFactory()
    response = client.get(article.get_absolute_url())
    assert '<script type="application/ld+json">' in response.content.decode()
    assert policy(response)["script-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/admin/login/", "/admin/password_reset/", "/editor/richtext/image/"]
)
def test_staff_addresses_carry_the_admin_policy_and_noindex(client, path):
    response = client.get(path)
    assert policy(response) == ADMIN
    assert response["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
def test_the_admin_policy_allows_no_script_beyond_the_site(client, role_user):
    client.force_login(role_user("Editors"))
    response = client.get(reverse("admin:news_article_add"))
    assert response.status_code == 200
    assert policy(response)["script-src"] == ["'self'"]
    assert policy(response)["object-src"] == ["'none'"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/admin/login/"])
def test_permissions_policy_turns_off_what_the_site_never_uses(client, path):
    header = client.get(path)["Permissions-Policy"]
    features = dict(part.split("=") for part in header.split(", "))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "serial"]:
        assert features[feature] == "()", feature


@pytest.mark.django_db
def test_robots_txt_names_no_staff_address(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap:" in text
    assert "/admin" not in text and "/editor" not in text


@pytest.mark.django_db
def test_a_refused_csrf_check_gets_the_branded_page(role_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "This form could not be sent" in page
    assert "reload the page" in page
    assert "CSRF" not in page and "Django" not in page
    assert '<meta name="robots" content="noindex">' in page


@pytest.mark.django_db
def test_a_valid_csrf_token_still_passes():
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("admin:login"))
    token = client.cookies["csrftoken"].value
    data = {"username": "x", "password": "y", "csrfmiddlewaretoken": token}
    response = client.post(reverse("admin:login"), data)
    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()
