"""Event dates as MI writes them: a day, a month or a year; a range, a start or only an end.

"23-29 October 2023", "July 2018", "July-August 2018", "2014", "2014-2015", "ended 27 July
2018" (with en dashes). The precision is stored with the dates; a date of month or year
precision is kept as the first day of its month or year, so ranges compare and sort as dates.
No entered date is ever dropped: an end without a start is "ended ..." ("until ..." while it
is ahead).
"""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date

EN_DASH = "\u2013"


class Precision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


FORMATS = {Precision.DAY: "j F Y", Precision.MONTH: "F Y", Precision.YEAR: "Y"}


def normalise(day: datetime.date | None, precision: str) -> datetime.date | None:
    """The date as stored for its precision: the 1st of the month, or 1 January."""
    if day is None or precision == Precision.DAY:
        return day
    if precision == Precision.MONTH:
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def iso(day: datetime.date | None, precision: str) -> str:
    """ISO 8601 to the precision: "2023-10-23", "2018-07", "2014"."""
    if day is None:
        return ""
    return {Precision.DAY: day.isoformat(), Precision.MONTH: f"{day:%Y-%m}"}.get(
        precision, f"{day:%Y}"
    )


def describe(start, end, precision: str = Precision.DAY) -> str:
    precision = Precision(precision or Precision.DAY)
    if start is None and end is None:
        return ""
    if start is None:
        ahead = end >= timezone.localdate()
        return f"{'until' if ahead else 'ended'} {format_date(end, FORMATS[precision])}"
    if end is None or end == start:
        return format_date(start, FORMATS[precision])
    return _span(start, end, precision)


def _span(start, end, precision: Precision) -> str:
    whole = FORMATS[precision]
    if precision == Precision.YEAR:
        return f"{start:%Y}{EN_DASH}{end:%Y}"
    if precision == Precision.MONTH:
        if start.year == end.year:
            return f"{format_date(start, 'F')}{EN_DASH}{format_date(end, whole)}"
        return f"{format_date(start, whole)} {EN_DASH} {format_date(end, whole)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, 'j')}{EN_DASH}{format_date(end, whole)}"
    if start.year == end.year:
        return f"{format_date(start, 'j F')} {EN_DASH} {format_date(end, whole)}"
    return f"{format_date(start, whole)} {EN_DASH} {format_date(end, whole)}"
