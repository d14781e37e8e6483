from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get(reverse("site:healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute",
                    side_effect=OperationalError("connection refused")):  # fmt: skip
        response = client.get(reverse("site:healthz"))
    assert response.status_code == 503
