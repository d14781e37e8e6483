"""Times written for machines: `<time datetime>`, OpenGraph, JSON-LD, feeds and sitemaps.

They are given to the whole second. An item published "now" is stored with microseconds, and
the HTML standard allows at most three digits of a second in `<time datetime>`; nobody needs
more precision than a second, so every machine-readable time drops the fraction, whatever the
database holds.
"""

import datetime

from django.utils import timezone


def to_the_second(moment):
    """A datetime without its fraction of a second; anything else (None, a date) unchanged."""
    if isinstance(moment, datetime.datetime):
        return moment.replace(microsecond=0)
    return moment


def machine_time(moment) -> str:
    """ISO 8601 to the second with the UTC offset, in the current time zone
    ("2026-11-30T09:36:31+07:00"); a date as "2026-11-30"; "" for no value."""
    if isinstance(moment, datetime.datetime):
        if timezone.is_aware(moment):
            moment = timezone.localtime(moment)
        return moment.isoformat(timespec="seconds")
    if isinstance(moment, datetime.date):
        return moment.isoformat()
    return ""
