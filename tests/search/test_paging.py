"""Ranking a tier at a time and counting to a cap (engine.py), on SQLite and PostgreSQL: the
pages read one by one are the one ranked list, across tiers and kinds, and past
MAX_COUNTED matches the page says "more than" and the pages stop there."""

import datetime

import pytest
from django.utils import timezone

from mi_site.search import engine
from mi_site.search.query import parse
from tests.factories import ArticleFactory, PersonFactory

URL = "/search/"
HOUR = datetime.timedelta(hours=1)
# Best first: tier 3 a name, 2 a title, 1 a lead (or a position), 0 the body; newest first.
RANKED = ["Mangrove Person", "Mangrove title new", "Mangrove title old", "Lead new",
          "Officer", "Lead old", "Body new", "Body newer than old", "Body old"]  # fmt: skip


@pytest.fixture
def mangroves(indexed):
    now = timezone.now()
    article = {"standfirst": "A lead.", "body": "<p>A body.</p>"}
    ArticleFactory(**article | {"title": "Mangrove title new", "publish_at": now - 5 * HOUR})
    ArticleFactory(**article | {"title": "Mangrove title old", "publish_at": now - 50 * HOUR,
                                "body": "<p>Delta mangroves.</p>"})  # fmt: skip
    for title, hours in [("Lead new", 1), ("Lead old", 30)]:
        ArticleFactory(**article | {"title": title, "standfirst": "Mangrove planting."},
                       publish_at=now - hours * HOUR)  # fmt: skip
    for title, hours in [("Body new", 2), ("Body newer than old", 3), ("Body old", 40)]:
        ArticleFactory(**article | {"title": title, "body": "<p>Mangrove planting.</p>"},
                       publish_at=now - hours * HOUR)  # fmt: skip
    PersonFactory(display_name="Mangrove Person", publish_at=now - 20 * HOUR)
    PersonFactory(display_name="Officer", position="Mangrove officer", publish_at=now - 4 * HOUR)
    indexed()


def _read_page_by_page(words):
    now, query, shown, page = timezone.now(), parse(words), [], 1
    while True:
        found = engine.hits(query, engine.Filters(), now, page=page)
        start = (page - 1) * engine.PER_PAGE
        rows = found[start : start + engine.PER_PAGE]
        if not rows:
            return shown, found.count(), found.more
        shown += [str(result.item) for result in engine.results(rows, query, now)]
        page += 1


def test_pages_across_tiers_and_kinds_are_the_one_ranked_list(mangroves, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)  # page 2 starts in titles, ends in leads
    assert _read_page_by_page("mangrove") == (RANKED, len(RANKED), False)
    monkeypatch.setattr(engine, "PER_PAGE", 4)
    assert _read_page_by_page("mangrove") == (RANKED, len(RANKED), False)


def test_excluded_words_leave_every_tier(mangroves, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 3)
    found = [title for title in RANKED if title != "Mangrove title old"]
    assert _read_page_by_page("mangrove -delta") == (found, len(found), False)


def test_the_count_stops_at_the_cap(mangroves, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    monkeypatch.setattr(engine, "MAX_COUNTED", len(RANKED))
    assert _read_page_by_page("mangrove")[1:] == (len(RANKED), False)
    monkeypatch.setattr(engine, "MAX_COUNTED", 4)
    assert _read_page_by_page("mangrove") == (RANKED[:4], 4, True)


def test_past_the_cap_the_page_says_more_than_and_the_pages_stop(client, mangroves, monkeypatch):
    monkeypatch.setattr(engine, "PER_PAGE", 2)
    monkeypatch.setattr(engine, "MAX_COUNTED", 4)
    first = client.get(URL, {"q": "mangrove"}).content.decode()
    assert "More than 4 results, page 1 of 2" in first
    assert client.get(URL, {"q": "mangrove", "page": "2"}).status_code == 200
    assert client.get(URL, {"q": "mangrove", "page": "3"}).status_code == 404
    monkeypatch.setattr(engine, "MAX_COUNTED", 1000)
    assert (
        f"{len(RANKED)} results, page 1 of 5" in client.get(URL, {"q": "mangrove"}).content.decode()
    )
