"""The two pages of the site MI Site replaces are in the demo, with their text."""

import re
from datetime import date

from news.models import Article
from people.models import Person
from programs.models import Program, ProgramPartner


def test_the_seed_article_has_its_full_body_and_links(demo):
    article = Article.objects.get(title="MI Holds Workshop on Regional Migration Management")

    paragraphs = re.findall(r"<p>(.*?)</p>", article.body)
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("In continued support of safe and beneficial labor migration")
    assert "Mr. Suriyan Vichitlekarn, MI Executive Director" in paragraphs[1]
    assert "Supported by the Thailand International Cooperation Agency" in paragraphs[2]
    assert "in Mae Sot, Thailand last November 4 to 10, 2019" in paragraphs[3]
    assert paragraphs[4].endswith("to government partners in the GMS.")
    assert article.department.short_name == "ITC"
    assert [p.title for p in article.programs.all()] == [
        "Labor Migration Strategic Management in the Greater Mekong Subregion"
    ]
    assert sorted(article.countries.values_list("iso_code", flat=True)) == [
        "CN", "KH", "LA", "MM", "TH", "VN"
    ]  # fmt: skip
    assert (article.event_start, article.event_end) == (date(2020, 11, 23), date(2020, 11, 25))
    assert article.venue == "Online"
    assert [p.full_name for p in article.people.all()] == ["Mr. Suriyan Vichitlekarn"]
    assert article.is_live


def test_the_labour_migration_program_is_itc_funded_by_tica_in_six_countries(demo):
    program = Program.objects.get(
        title="Labor Migration Strategic Management in the Greater Mekong Subregion"
    )

    assert (program.start_date.year, program.end_date.year) == (2017, 2020)
    assert program.department.short_name == "ITC"
    assert program.program_status == "completed"
    assert program.countries.count() == 6
    funder = program.partner_roles.get(role=ProgramPartner.Role.FUNDER).partner
    assert (funder.acronym, funder.kind, funder.country.iso_code) == ("TICA", "donor", "TH")


def test_the_see_director_profile_has_the_seed_text(demo):
    person = Person.objects.get(display_name="Guohua Liu")

    assert (person.honorific, person.sort_name) == ("Mrs.", "Liu Guohua")
    assert person.position == "Director, Sustainable Energy & Environment (SEE) Department"
    assert person.department.short_name == "SEE"
    assert person.leadership_rank == Person.Rank.DIRECTOR
    assert person.biography.count("<p>") == 2
    assert "Department of International Economic Affairs" in person.biography
    assert "a 4-year tenure at the Chinese Embassy in Lao PDR" in person.biography
    assert "Central University of Finance and Economics" in person.education
    assert "Shanghai University of International Business and Economics" in person.education
    assert person.is_live and person.is_active
