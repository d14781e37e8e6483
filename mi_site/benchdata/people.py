"""Staff: the demo's profiles cloned under names from the six countries, and program teams."""

from mi_site.core.publishing import Status
from mi_site.core.slugs import slug_from
from people.models import Person, ProgramMembership
from programs.models import Program

from .names import STAFF_NAMES, STAFF_POSITIONS
from .stock import Links, Stock, backdate, numbered

FORMER_SHARE = 0.05
DRAFT_SHARE = 0.03
MANAGER_SHARE = 0.08
MOST_MEMBERS = 3
HONORIFICS = ["Mr.", "Ms.", "Mrs.", "Dr."]


def add_people(stock: Stock, count: int) -> None:
    """Add `count` people, then give each new program a lead and a few team members."""
    first = Person.objects.count() + 1
    stock.progress.start("people", max(count, 0))
    new = [_person(stock, number) for number in range(first, first + count)]
    Person.objects.bulk_create(new)
    backdate(Person.objects.filter(pk__in=[person.pk for person in new]), stock.now)
    stock.progress.advance(len(new))
    stock.progress.finish()
    stock.people = list(Person.objects.listed())
    teamless = set(Program.objects.filter(memberships__isnull=True).values_list("pk", flat=True))
    _add_teams(stock, [program for program in stock.programs if program.pk in teamless])


def _name(stock: Stock) -> tuple[str, str]:
    """(display name, sort name) as the staff list writes names from that country."""
    given, family, family_first = stock.rng.choice(STAFF_NAMES)
    given, family = stock.rng.choice(given), stock.rng.choice(family)
    display = f"{family} {given}" if family_first else f"{given} {family}"
    return display, f"{family} {given}"


def _person(stock: Stock, number: int) -> Person:
    template = stock.rng.choice(stock.person_templates)
    display, sort = _name(stock)
    slug = numbered(slug_from(display, fallback="person", max_length=180), number)
    department = stock.department()
    manager = stock.rng.random() < MANAGER_SHARE
    position = "Manager" if manager else stock.rng.choice(STAFF_POSITIONS)
    draft = stock.rng.random() < DRAFT_SHARE
    return Person(
        honorific=stock.rng.choice(HONORIFICS),
        display_name=display,
        sort_name=sort,
        slug=slug,
        position=f"{position}, {department.name}" if department else position,
        department=department,
        leadership_rank=Person.Rank.MANAGER if manager else Person.Rank.STAFF,
        photo_id=template.photo_id,
        short_bio=template.short_bio,
        biography=template.biography,
        education=template.education,
        email=f"{slug}@mekonginstitute.org",
        is_active=stock.rng.random() >= FORMER_SHARE,
        status=Status.DRAFT if draft else Status.PUBLISHED,
        publish_at=None if draft else stock.past(),
    )


def _add_teams(stock: Stock, programs) -> None:
    links = Links()
    Role = ProgramMembership.Role
    for program in programs:
        staff = stock.of_department(stock.people, program.department)
        team = stock.some(staff, MOST_MEMBERS + 1)
        for person, role in zip(team, [Role.LEAD, Role.CONTACT], strict=False):
            links.add(ProgramMembership(person=person, program=program, role=role))
        for person in team[2:]:
            links.add(ProgramMembership(person=person, program=program, role=Role.MEMBER))
    links.save()
