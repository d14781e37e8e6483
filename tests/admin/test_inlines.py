"""A program's partners and team, and a person's programs, are edited on one page."""

import pytest
from django.urls import reverse

from people.models import ProgramMembership
from programs.models import Partner, Program, ProgramPartner
from tests.factories import (
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
)

from .formdata import form_data


@pytest.mark.django_db
def test_editor_adds_a_program_with_its_funder_and_team(client, login):
    tica, officer = PartnerFactory(acronym="TICA"), PersonFactory()
    login("Editors")
    url = reverse("admin:programs_program_add")
    rows = {
        "partner_roles-TOTAL_FORMS": "1",
        "partner_roles-0-partner": str(tica.pk),
        "partner_roles-0-role": "funder",
        "memberships-TOTAL_FORMS": "1",
        "memberships-0-person": str(officer.pk),
        "memberships-0-role": "lead",
    }
    data = form_data(client.get(url), title="Safe labour migration", **rows)
    assert client.post(url, data).status_code == 302
    program = Program.objects.get(title="Safe labour migration")
    assert list(program.partner_roles.values_list("partner", "role")) == [(tica.pk, "funder")]
    assert list(program.memberships.values_list("person", "role")) == [(officer.pk, "lead")]


@pytest.mark.django_db
def test_editor_removes_a_wrong_partner_and_team_member(client, login):
    # A draft: on a published program the removal waits for a publisher (tests/workflow).
    row = ProgramPartnerFactory(program__status="draft", program__publish_at=None)
    member = ProgramMembershipFactory(program=row.program)
    login("Editors")
    url = reverse("admin:programs_program_change", args=[row.program.pk])
    changes = {"partner_roles-0-DELETE": "on", "memberships-0-DELETE": "on"}
    assert client.post(url, form_data(client.get(url), **changes)).status_code == 302
    assert not ProgramPartner.objects.filter(pk=row.pk).exists()
    assert not ProgramMembership.objects.filter(pk=member.pk).exists()
    assert Partner.objects.filter(pk=row.partner_id).exists(), "the partner itself stays"


@pytest.mark.django_db
def test_editor_lists_a_persons_programs_on_the_profile(client, login):
    person, program = PersonFactory(status="draft", publish_at=None), ProgramFactory()
    login("Editors")
    url = reverse("admin:people_person_change", args=[person.pk])
    rows = {
        "memberships-TOTAL_FORMS": "1",
        "memberships-0-program": str(program.pk),
        "memberships-0-role": "contact",
    }
    assert client.post(url, form_data(client.get(url), **rows)).status_code == 302
    assert list(person.memberships.values_list("program", "role")) == [(program.pk, "contact")]
