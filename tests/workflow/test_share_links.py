"""Share links: signed, expiring, revocable, read-only previews for someone outside the admin."""

import datetime
import re

import pytest
import time_machine
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from mi_site.core import sharing
from mi_site.core.models import Action, AuditEntry
from mi_site.core.publishing import Status
from tests.factories import ArticleFactory

from .conftest import admin_url, change_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return ArticleFactory(status=Status.DRAFT, publish_at=None, title="Embargoed report")


def made_link(client, item) -> str:
    response = client.post(admin_url(item, "share"), follow=True)
    found = re.search(r"http://testserver(/share/[^/\s]+/)", response.content.decode())
    return found.group(1)


def test_a_publisher_makes_a_link_that_anyone_can_read(client, publisher, draft):
    path = made_link(signed_in(publisher), draft)
    response = client.get(path)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Embargoed report" in page and "Shared preview" in page
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"] and "no-store" in response["Cache-Control"]
    assert client.post(path).status_code == 405
    assert AuditEntry.objects.filter(action=Action.SHARE).count() == 1


def test_a_link_expires_after_seven_days(client, publisher, draft):
    path = made_link(signed_in(publisher), draft)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=6, hours=23)):
        assert client.get(path).status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, minutes=1)):
        assert client.get(path).status_code == 404


def test_a_revoked_link_stops_at_once(client, publisher, draft):
    publishing = signed_in(publisher)
    path = made_link(publishing, draft)
    link = sharing.active_for(draft).get()
    assert link.pk and str(link.pk) in publishing.get(change_url(draft)).content.decode()
    publishing.post(admin_url(draft, "share"), {"revoke": str(link.pk)})
    assert client.get(path).status_code == 404
    assert AuditEntry.objects.filter(action=Action.UNSHARE).count() == 1


def test_forged_or_other_links_open_nothing(client, publisher, draft):
    other = ArticleFactory(status=Status.DRAFT, publish_at=None, title="Other draft")
    link = sharing.make(other, user=publisher)
    forged = signing.dumps(link.pk, salt="something else")
    for token in (forged, "abc", str(link.pk), signing.dumps(link.pk + 1, salt=sharing.SALT)):
        response = client.get(reverse("share-link", args=[token]))
        assert response.status_code == 404, token
    page = client.get(sharing.path_of(link)).content.decode()
    assert "Other draft" in page and "Embargoed report" not in page


def test_an_editor_cannot_make_a_link(editor, draft):
    assert signed_in(editor).post(admin_url(draft, "share")).status_code == 404
    assert not sharing.active_for(draft).exists()
