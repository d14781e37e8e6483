"""The program list (ongoing, planned, completed; by department) and the program page
(partners by role, team with roles, countries, its news), live content only."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from mi_site.core.publishing import Status
from people.models import Person, ProgramMembership
from programs.models import Country, ProgramPartner
from tests.factories import (
    ArticleFactory,
    DepartmentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
)
from tests.pages.html import read

pytestmark = pytest.mark.django_db
PROGRAMS = reverse("programs:program-list")


def dates(start: int, end: int) -> dict:
    return {"start_date": datetime.date(start, 1, 1), "end_date": datetime.date(end, 12, 31)}


def test_list_groups_by_status_then_department(client):
    energy = DepartmentFactory(name="Energy", order=2)
    trade = DepartmentFactory(name="Trade", order=1)
    ProgramFactory(title="Energy now", department=energy, **dates(2020, 2090))
    ProgramFactory(title="Trade now", department=trade, **dates(2021, 2090))
    ProgramFactory(title="Trade later", department=trade, **dates(2080, 2090))
    ProgramFactory(title="Energy before", department=energy, **dates(2015, 2018))
    ProgramFactory(title="Hidden", department=energy, status=Status.DRAFT, **dates(2020, 2090))
    response = client.get(PROGRAMS)
    assert response.status_code == 200
    sections = [
        (heading, [program.title for program in programs])
        for heading, programs in response.context["sections"]
    ]
    assert sections == [
        ("Ongoing programs", ["Trade now", "Energy now"]),
        ("Planned programs", ["Trade later"]),
        ("Completed programs", ["Energy before"]),
    ]
    headings = read(response).headings
    assert ("h3", "Trade") in headings and ("h3", "Energy") in headings
    assert "Hidden" not in response.content.decode()


@pytest.fixture
def program():
    program = ProgramFactory(
        title="Labour Migration Program", summary="Safer labour migration.", **dates(2017, 2020)
    )
    program.countries.set(Country.objects.filter(iso_code__in=["TH", "MM"]))
    tica = PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA")
    ProgramPartnerFactory(program=program, partner=tica, role=ProgramPartner.Role.FUNDER)
    ilo = PartnerFactory(name="International Labour Organization", acronym="ILO")
    ProgramPartnerFactory(program=program, partner=ilo, role=ProgramPartner.Role.IMPLEMENTING)
    return program


def test_program_page_shows_status_dates_countries_and_partners_by_role(client, program):
    response = client.get(program.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert read(response).h1() == ["Labour Migration Program"]
    for text in ("Completed", "1 January 2017 \u2013 31 December 2020", "Thailand", "Myanmar"):
        assert text in html, text
    groups = [(heading, [p.acronym for p in partners]) for heading, partners in response.context[
        "partner_groups"]]  # fmt: skip
    assert groups == [("Funded by", ["TICA"]), ("Implementing partners", ["ILO"])]
    assert html.index("Funded by") < html.index("Thailand International Cooperation Agency")


def test_team_lists_current_live_staff_with_leads_first(client, program):
    member = PersonFactory(display_name="Aaron Member")
    lead = PersonFactory(display_name="Zoe Lead")
    ProgramMembershipFactory(person=member, program=program)
    ProgramMembershipFactory(person=lead, program=program, role=ProgramMembership.Role.LEAD)
    ProgramMembershipFactory(person=PersonFactory(display_name="Gone", is_active=False),
                             program=program)  # fmt: skip
    ProgramMembershipFactory(person=PersonFactory(display_name="Draft", status=Status.DRAFT),
                             program=program)  # fmt: skip
    response = client.get(program.get_absolute_url())
    team = [(m.person.display_name, m.get_role_display()) for m in response.context["team"]]
    assert team == [("Zoe Lead", "Program lead"), ("Aaron Member", "Team member")]
    assert lead.get_absolute_url() in read(response).hrefs()


def test_program_news_is_live_only_and_links_to_the_filtered_list(client, program):
    ArticleFactory(title="Workshop in Mae Sot").programs.add(program)
    ArticleFactory(title="Unpublished story", status=Status.REVIEW).programs.add(program)
    response = client.get(program.get_absolute_url())
    html = response.content.decode()
    assert "Workshop in Mae Sot" in html
    assert "Unpublished story" not in html
    assert f"/news/?program={program.slug}" in read(response).hrefs()


def test_program_page_links_its_feeds(client, program):
    page = read(client.get(program.get_absolute_url()))
    rss = reverse("feeds:program-rss", kwargs={"slug": program.slug})
    atom = reverse("feeds:program-atom", kwargs={"slug": program.slug})
    assert rss in page.link("alternate", "application/rss+xml")
    assert atom in page.link("alternate", "application/atom+xml")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW])
def test_unpublished_programs_are_not_found(client, status):
    assert client.get(ProgramFactory(status=status).get_absolute_url()).status_code == 404


def test_program_page_queries_do_not_grow_with_content(client, program):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(program.get_absolute_url()).status_code == 200
        return len(queries)

    ArticleFactory().programs.add(program)
    ProgramMembershipFactory(program=program)
    few = count()
    for n in range(20):
        ArticleFactory().programs.add(program)
        ProgramMembershipFactory(program=program, person=PersonFactory(
            leadership_rank=Person.Rank.STAFF, display_name=f"Member {n}"))  # fmt: skip
        ProgramPartnerFactory(program=program)
    assert count() == few
