"""The template helpers every public page uses: JSON-LD, date ranges, accents, image sizes."""

import datetime
import json

from mi_site.core.templatetags.public import accent, date_range, jsonld, year_span

D = datetime.date


def test_jsonld_is_data_that_cannot_close_its_element():
    html = jsonld({"headline": "</script><script>alert('x')</script> & <!--"})
    assert html.startswith('<script type="application/ld+json">')
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"headline": "</script><script>alert('x')</script> & <!--"}


def test_jsonld_serialises_dates():
    moment = datetime.datetime(2020, 11, 23, 9, 30, tzinfo=datetime.UTC)
    html = jsonld({"datePublished": moment})
    assert '"2020-11-23T09:30:00Z"' in html


def test_date_range_reads_like_the_newsroom_writes():
    assert date_range(D(2020, 11, 23)) == "23 November 2020"
    assert date_range(D(2020, 11, 23), D(2020, 11, 23)) == "23 November 2020"
    assert date_range(D(2020, 11, 23), D(2020, 11, 25)) == "23\u201325 November 2020"
    assert date_range(D(2020, 11, 30), D(2020, 12, 2)) == "30 November \u2013 2 December 2020"
    assert date_range(D(2020, 12, 30), D(2021, 1, 2)) == "30 December 2020 \u2013 2 January 2021"
    assert date_range(None) == ""


def test_year_span():
    assert year_span(D(2017, 1, 1), D(2020, 12, 31)) == "2017\u20132020"
    assert year_span(D(2020, 1, 1), D(2020, 12, 31)) == "2020"
    assert year_span(D(2021, 1, 1)) == "From 2021"
    assert year_span(None, D(2030, 1, 1)) == "Until 2030"
    assert year_span(None, None) == ""


class Saved:
    def __init__(self, pk):
        self.pk = pk


def test_accents_are_stable_and_cycle_through_the_palette():
    assert [accent(Saved(pk)) for pk in (1, 2, 6, 7)] == [
        "accent-1",
        "accent-2",
        "accent-6",
        "accent-1",
    ]
    assert accent(None) == "accent-0"
