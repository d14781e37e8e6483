"""`Program.objects.with_status()` (SQL) and `Program.program_status` (Python) agree on every
combination of dates and override, so lists filtered in the database say what pages show."""

import datetime
import itertools

import pytest

from programs.models import Program, ProgramStatus
from tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 15)
DATES = [None, TODAY - datetime.timedelta(days=400), TODAY, TODAY + datetime.timedelta(days=30)]


def test_sql_and_python_agree_on_every_date_combination(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: TODAY)
    programs = []
    for start, end, override in itertools.product(DATES, DATES, ["", *ProgramStatus.values]):
        if start and end and end < start:
            continue
        programs.append(ProgramFactory(start_date=start, end_date=end, status_override=override))
    for status in ProgramStatus.values:
        in_sql = set(Program.objects.with_status(status, today=TODAY))
        in_python = {program for program in programs if program.program_status == status}
        assert in_sql == in_python, status
    # Every status occurs, so the comparison above is not vacuous.
    assert {program.program_status for program in programs} == set(ProgramStatus.values)


def test_dates_decide_unless_overridden():
    past = ProgramFactory(start_date=datetime.date(2015, 1, 1), end_date=datetime.date(2018, 1, 1))
    extended = ProgramFactory(
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2018, 1, 1),
        status_override=ProgramStatus.ONGOING,
    )
    assert list(Program.objects.with_status(ProgramStatus.COMPLETED)) == [past]
    assert list(Program.objects.with_status(ProgramStatus.ONGOING)) == [extended]
