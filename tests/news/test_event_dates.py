"""Event dates as MI writes them: to the day, the month or the year; a range, a start, or only
an end. No entered date is dropped."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from mi_site.core.eventdates import describe, iso
from news.models import Article
from tests.admin.formdata import form_data
from tests.factories import ArticleFactory

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "words"),
    [
        (D(2023, 10, 23), D(2023, 10, 29), "day", "23\u201329 October 2023"),
        (D(2020, 11, 30), D(2020, 12, 2), "day", "30 November \u2013 2 December 2020"),
        (D(2020, 12, 30), D(2021, 1, 2), "day", "30 December 2020 \u2013 2 January 2021"),
        (D(2018, 7, 27), None, "day", "27 July 2018"),
        (D(2018, 7, 1), None, "month", "July 2018"),
        (D(2018, 7, 1), D(2018, 8, 1), "month", "July\u2013August 2018"),
        (D(2020, 12, 1), D(2021, 1, 1), "month", "December 2020 \u2013 January 2021"),
        (D(2014, 1, 1), None, "year", "2014"),
        (D(2014, 1, 1), D(2015, 1, 1), "year", "2014\u20132015"),
        (None, D(2018, 7, 27), "day", "ended 27 July 2018"),
        (None, D(2018, 7, 1), "month", "ended July 2018"),
        (None, D(2014, 1, 1), "year", "ended 2014"),
        (None, None, "day", ""),
    ],
)
def test_every_case_is_written_as_mi_writes_it(start, end, precision, words):
    with time_machine.travel(datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)):
        assert describe(start, end, precision) == words


def test_an_end_still_ahead_is_until():
    with time_machine.travel(datetime.datetime(2026, 11, 30, tzinfo=datetime.UTC)):
        assert describe(None, D(2027, 3, 1), "month") == "until March 2027"


def test_machine_dates_keep_only_the_precision():
    assert [iso(D(2018, 7, 1), p) for p in ("day", "month", "year")] == [
        "2018-07-01", "2018-07", "2018",
    ]  # fmt: skip


@pytest.mark.django_db
def test_a_month_or_year_is_stored_as_its_first_day():
    article = ArticleFactory(event_start=D(2018, 7, 17), event_end=D(2018, 8, 30),
                             event_precision="month")  # fmt: skip
    article.refresh_from_db()
    assert (article.event_start, article.event_end) == (D(2018, 7, 1), D(2018, 8, 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"event_end": D(2018, 7, 27)}, "ended 27 July 2018"),
        ({"event_start": D(2018, 7, 9), "event_precision": "month"}, "July 2018"),
        ({"event_start": D(2014, 3, 9), "event_precision": "year"}, "2014"),
    ],
)
def test_the_article_page_shows_every_entered_date(client, fields, shown):
    article = ArticleFactory(**fields)
    page = client.get(article.get_absolute_url()).content.decode()
    assert f"<dt>Event</dt><dd>{shown}</dd>" in page


@pytest.mark.django_db
def test_an_editor_enters_only_a_month_or_only_an_end(client, role_user):
    client.force_login(role_user("Editors"))
    add = reverse("admin:news_article_add")
    client.post(add, form_data(client.get(add), title="Board meeting", event_start="2014-06-12",
                               event_precision="month"))  # fmt: skip
    client.post(add, form_data(client.get(add), title="Workshop", event_end="2018-07-27"))
    assert Article.objects.get(title="Board meeting").event_dates == "June 2014"
    assert Article.objects.get(title="Workshop").event_dates == "ended 27 July 2018"


@pytest.mark.django_db
def test_a_month_range_that_ends_before_it_starts_is_refused(client, role_user):
    client.force_login(role_user("Editors"))
    add = reverse("admin:news_article_add")
    typed = {"event_precision": "month", "event_start": "2018-08-05", "event_end": "2018-07-30"}
    response = client.post(add, form_data(client.get(add), title="Backwards", **typed))
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.content.decode()
    assert not Article.objects.filter(title="Backwards").exists()
