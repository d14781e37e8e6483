"""Programs: the demo's programs cloned under new titles, dates, countries and partners."""

from datetime import date, timedelta

from mi_site.core.publishing import Status
from mi_site.core.slugs import slug_from
from programs.models import Program, ProgramPartner

from .names import PROGRAM_ACTIONS, PROGRAM_PLACES, PROGRAM_TOPICS
from .stock import Links, Stock, backdate, numbered

DRAFT_SHARE = 0.05
OPEN_ENDED_SHARE = 0.1


def add_programs(stock: Stock, count: int) -> None:
    """Add `count` programs; every program, demo or new, becomes something articles link to."""
    first = Program.objects.count() + 1
    stock.progress.start("programs", max(count, 0))
    new = [_program(stock, number) for number in range(first, first + count)]
    Program.objects.bulk_create(new)
    backdate(Program.objects.filter(pk__in=[program.pk for program in new]), stock.now)
    links = Links()
    for program in new:
        _link(stock, program, links)
    links.save()
    stock.progress.advance(len(new))
    stock.progress.finish()
    stock.programs = list(Program.objects.filter(status=Status.PUBLISHED))


def _title(stock: Stock) -> str:
    choice = stock.rng.choice
    return f"{choice(PROGRAM_ACTIONS)} {choice(PROGRAM_TOPICS)} in {choice(PROGRAM_PLACES)}"


def _dates(stock: Stock) -> tuple[date, date | None]:
    """From fifteen years ago to two years ahead (planned), lasting one to six years."""
    today = stock.now.date()
    start = today - timedelta(days=stock.rng.randint(-2 * 365, 15 * 365))
    if stock.rng.random() < OPEN_ENDED_SHARE:
        return start, None
    return start, start + timedelta(days=stock.rng.randint(365, 6 * 365))


def _program(stock: Stock, number: int) -> Program:
    template = stock.rng.choice(stock.program_templates)
    title = _title(stock)
    start, end = _dates(stock)
    draft = stock.rng.random() < DRAFT_SHARE
    return Program(
        title=title,
        slug=numbered(slug_from(title, fallback="program", max_length=180), number),
        department=stock.department(),
        summary=template.summary,
        body=template.body,
        start_date=start,
        end_date=end,
        hero_image_id=template.hero_image_id,
        hero_alt=template.hero_alt,
        status=Status.DRAFT if draft else Status.PUBLISHED,
        publish_at=None if draft else stock.past(),
    )


def _link(stock: Stock, program: Program, links: Links) -> None:
    countries = stock.countries if stock.rng.random() < 0.3 else stock.some(stock.countries, 3)
    links.m2m(program, "countries", countries)
    roles = [ProgramPartner.Role.FUNDER, ProgramPartner.Role.IMPLEMENTING]
    for partner, role in zip(stock.some(stock.partners, 2), roles, strict=False):
        links.add(ProgramPartner(program=program, partner=partner, role=role))
