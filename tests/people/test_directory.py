"""The staff directory: current, live staff only, grouped by department, the Executive
Director's office first, leadership first within each group."""

import pytest
from django.urls import reverse

from mi_site.core.publishing import Status
from people.models import Person
from tests.factories import DepartmentFactory, PersonFactory
from tests.pages.html import read

pytestmark = pytest.mark.django_db
DIRECTORY = reverse("people:person-list")


def groups(response) -> list[tuple[str, list[str]]]:
    """(group name, people) in page order, read from the view's ordered list."""
    result = []
    for person in response.context["object_list"]:
        name = person.department.name if person.department else "Office of the Executive Director"
        if not result or result[-1][0] != name:
            result.append((name, []))
        result[-1][1].append(person.display_name)
    return result


def test_groups_by_department_with_leadership_first(client):
    energy = DepartmentFactory(name="Energy", order=2)
    trade = DepartmentFactory(name="Trade", order=1)
    rank = Person.Rank
    PersonFactory(display_name="Zed Officer", sort_name="Officer Zed", department=trade)
    PersonFactory(display_name="Ann Officer", sort_name="Officer Ann", department=trade)
    PersonFactory(display_name="Trade Director", department=trade, leadership_rank=rank.DIRECTOR)
    PersonFactory(display_name="Energy Manager", department=energy, leadership_rank=rank.MANAGER)
    PersonFactory(display_name="Comms Officer", department=None)
    PersonFactory(display_name="The Executive Director", department=None,
                  leadership_rank=rank.EXECUTIVE_DIRECTOR)  # fmt: skip
    response = client.get(DIRECTORY)
    assert response.status_code == 200
    assert groups(response) == [
        ("Office of the Executive Director", ["The Executive Director", "Comms Officer"]),
        ("Trade", ["Trade Director", "Ann Officer", "Zed Officer"]),
        ("Energy", ["Energy Manager"]),
    ]
    headings = [text for tag, text in read(response).headings if tag == "h2"]
    # The page's own sections, then the footer's.
    assert headings[:4] == [
        "Office of the Executive Director",
        "Trade",
        "Energy",
        "Mekong Institute",
    ]


def test_former_and_unpublished_staff_are_not_listed(client):
    PersonFactory(display_name="Current Person")
    PersonFactory(display_name="Former Person", is_active=False)
    PersonFactory(display_name="Draft Person", status=Status.DRAFT)
    PersonFactory(display_name="Review Person", status=Status.REVIEW)
    html = client.get(DIRECTORY).content.decode()
    assert "Current Person" in html
    for hidden in ("Former Person", "Draft Person", "Review Person"):
        assert hidden not in html


def test_every_person_links_to_their_profile_by_name(client):
    person = PersonFactory(display_name="Guohua Liu", honorific=Person.Honorific.MRS)
    anchors = read(client.get(DIRECTORY)).anchors
    assert (person.get_absolute_url(), "Mrs. Guohua Liu") in anchors


def test_directory_runs_the_same_queries_for_few_and_many_people(client, django_assert_num_queries):
    department = DepartmentFactory()
    PersonFactory.create_batch(3, department=department)
    # One query for the directory, two for the main menu and the footer (every HTML page).
    with django_assert_num_queries(3):
        client.get(DIRECTORY)
    PersonFactory.create_batch(40, department=DepartmentFactory())
    with django_assert_num_queries(3):
        client.get(DIRECTORY)
