"""The demo is a believable site: enough of everything, spread out, in every state."""

from collections import Counter

from mi_site.core.publishing import State
from mi_site.pages.models import MenuItem, SiteFooter
from news.models import Article
from people.models import Person, ProgramMembership
from programs.models import Department, Partner, Program, ProgramPartner, Theme

NON_LIVE = {
    "Annual Report 2026: Highlights from Four Departments": State.DRAFT,
    "Study Findings: What Cross-Border E-Commerce Costs Small Businesses": State.REVIEW,
    "MI to Host Third Mekong-Lancang Energy Transition Dialogue": State.SCHEDULED,
    "Call for Applications: Regional Training on Agricultural Value Chains 2025": State.EXPIRED,
}


def test_four_departments_with_short_names_and_descriptions(demo):
    departments = list(Department.objects.all())

    assert [d.short_name for d in departments] == ["ADC", "TIF", "ITC", "SEE"]
    assert departments[3].name == "Sustainable Energy and Environment"
    assert all(d.summary and "<p>" in d.description for d in departments)
    assert Theme.objects.count() >= 5


def test_partners_of_several_kinds(demo):
    kinds = Counter(Partner.objects.values_list("kind", flat=True))

    assert {"donor", "international", "government", "academic"} <= set(kinds)
    assert kinds["government"] >= 2
    assert Partner.objects.filter(name="Lancang-Mekong Cooperation Special Fund").exists()
    assert Partner.objects.filter(acronym="ADB").exists()


def test_programs_ongoing_and_completed_with_partners_countries_and_team(demo):
    programs = list(Program.objects.live())
    statuses = Counter(p.program_status for p in programs)

    assert len(programs) >= 6
    assert statuses["ongoing"] >= 2 and statuses["completed"] >= 2
    assert sum(bool(p.hero_image) for p in programs) >= 3
    for program in programs:
        assert program.department and program.countries.exists() and program.tags.exists()
        assert ProgramPartner.objects.filter(program=program).exists()
    roles = set(ProgramMembership.objects.values_list("role", flat=True))
    assert roles == {"lead", "contact", "member"}


def test_people_with_leadership_ranks_and_one_former_staff(demo):
    people = Person.objects.all()
    directors = people.filter(leadership_rank=Person.Rank.DIRECTOR)

    assert people.count() >= 10
    assert people.get(leadership_rank=Person.Rank.EXECUTIVE_DIRECTOR).department is None
    assert sorted(directors.values_list("department__short_name", flat=True)) == [
        "ADC", "ITC", "SEE", "TIF"
    ]  # fmt: skip
    assert people.filter(leadership_rank=Person.Rank.MANAGER).count() >= 2
    former = people.get(is_active=False)
    assert former.articles.live().filter(publish_at__year__lt=2020).exists()


def test_articles_spread_over_the_years_and_subjects(demo):
    live = Article.objects.live()

    assert Article.objects.count() >= 20
    assert {a.publish_at.year for a in live} == set(range(2017, 2027))
    assert set(live.values_list("department__short_name", flat=True)) >= {
        "ADC", "TIF", "ITC", "SEE"
    }  # fmt: skip
    assert 1 <= live.filter(featured=True).count() <= 2
    assert all(a.tags.exists() and a.standfirst for a in live)
    assert live.filter(themes__isnull=False).distinct().count() >= 15
    assert sum("<h2>" in a.body or "<ul>" in a.body or "<blockquote>" in a.body for a in live) >= 5


def test_hero_images_have_alt_text_caption_and_credit(demo):
    with_hero = Article.objects.exclude(hero_image=None)

    assert with_hero.count() >= 5
    for article in with_hero:
        assert article.hero_alt and article.hero_caption and article.hero_credit


def test_exactly_the_intended_articles_are_not_live(demo):
    live = set(Article.objects.live().values_list("pk", flat=True))
    hidden = {a.title: a.state for a in Article.objects.exclude(pk__in=live)}

    assert hidden == NON_LIVE
    assert Program.objects.exclude(pk__in=Program.objects.live()).count() == 0
    assert Person.objects.exclude(pk__in=Person.objects.live()).count() == 0


def test_two_standalone_pages_in_the_menu_and_a_footer_with_mis_address(demo, client):
    about = client.get("/about/")
    governance = client.get("/about/governance/")
    assert (about.status_code, governance.status_code) == (200, 200)
    assert "Khon Kaen" in about.content.decode()
    assert set(MenuItem.objects.exclude(page=None).values_list("page__url_path", flat=True)) == {
        "about", "about/governance"
    }  # fmt: skip
    header = governance.content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert 'href="/about/"' in header and 'href="/about/governance/" aria-current="page"' in header
    footer = SiteFooter.objects.get()
    assert "123 Mittraphap Road" in footer.address and footer.social_links.count() >= 3
    assert "Khon Kaen 40002, Thailand" in governance.content.decode().split("<footer")[1]
