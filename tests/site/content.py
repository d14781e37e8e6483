"""A small but complete site for the site-wide tests: live content of every kind, and one
article, person and program in each state the public must never see.

Every non-live item carries a marker word (e.g. LEAKDRAFTARTICLE) in its title or name, its
slug and a tag of its own, and is linked to the same department, program, country, theme, tag
and people as the live content, so a page that forgets `.live()` anywhere (a list, related
news, a hub page, a feed, the sitemap, a filter menu) shows the marker.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

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
    ThemeFactory,
)
from tests.factories.images import image_file

DAY = datetime.timedelta(days=1)


# Three of the six countries the data migration makes; made here too in case a transactional
# test has flushed the database since.
GMS_USED = ["KH", "LA", "TH"]  # Cambodia, Lao PDR, Thailand


def gms_country(iso_code):
    """One of the six countries the data migration makes (tests/reference_data.py)."""
    return Country.objects.get(iso_code=iso_code)


def non_live_states(now=None):
    """State name -> the publishing fields that put an item in that state."""
    now = now or timezone.now()
    return {
        "draft": {"status": Status.DRAFT, "publish_at": now - DAY},
        "review": {"status": Status.REVIEW, "publish_at": now - DAY},
        "scheduled": {"status": Status.PUBLISHED, "publish_at": now + 10 * DAY},
        "expired": {
            "status": Status.PUBLISHED,
            "publish_at": now - 10 * DAY,
            "expire_at": now - DAY,
        },
        "archived": {"status": Status.ARCHIVED, "publish_at": now - DAY},
    }


@dataclass
class Site:
    departments: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    countries: list = field(default_factory=list)
    programs: list = field(default_factory=list)
    people: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    former: object = None
    tags: list = field(default_factory=list)
    markers: list = field(default_factory=list)
    hidden: dict = field(default_factory=dict)  # marker -> non-live object

    @property
    def article(self):
        """The article with everything: hero image, event, programs, countries, people."""
        return self.articles[0]


def build_site() -> Site:
    site = Site()
    _build_taxonomy(site)
    _build_programs(site)
    _build_people(site)
    _build_articles(site)
    _build_non_live(site)
    return site


def _build_taxonomy(site):
    site.departments = [
        DepartmentFactory(
            name="Sustainable Energy and Environment",
            short_name="SEE",
            description="<p>Energy and environment programs.</p>",
        ),
        DepartmentFactory(name="Trade and Investment Facilitation", short_name="TIF"),
    ]
    site.themes = [ThemeFactory(name="Digital Economy and Digitalization")]
    site.countries = [gms_country(code) for code in GMS_USED]
    site.tags = ["labour migration", "energy"]


def _build_programs(site):
    see, tif = site.departments
    ongoing = ProgramFactory(
        title="Labour Migration Capacity Program",
        department=see,
        hero_image=image_file("program.jpg", size=(800, 450)),
        hero_alt="Participants at a training session",
    )
    ongoing.countries.set(site.countries)
    ongoing.tags.add(*site.tags)
    ProgramPartnerFactory(
        program=ongoing,
        partner=PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA"),
        role=ProgramPartner.Role.FUNDER,
    )
    completed = ProgramFactory(
        title="Trade Facilitation Program",
        department=tif,
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2018, 12, 31),
    )
    completed.countries.set(site.countries[:1])
    site.programs = [ongoing, completed]


def _build_people(site):
    see, tif = site.departments
    site.people = [
        PersonFactory(
            honorific=Person.Honorific.DR,
            display_name="Somsak Executive",
            position="Executive Director",
            department=None,
            leadership_rank=Person.Rank.EXECUTIVE_DIRECTOR,
        ),
        PersonFactory(
            display_name="Guohua Liu",
            position="Director, Sustainable Energy and Environment Department",
            department=see,
            leadership_rank=Person.Rank.DIRECTOR,
            photo=image_file("portrait.jpg", size=(300, 400)),
            education="<ul><li>PhD, Environmental Science</li></ul>",
        ),
        PersonFactory(display_name="Anong Staff", department=tif),
    ]
    ProgramMembershipFactory(
        person=site.people[1], program=site.programs[0], role=ProgramMembership.Role.LEAD
    )
    ProgramMembershipFactory(person=site.people[2], program=site.programs[1])
    # Former staff: live profile, no longer in the directory; the page answers 410.
    site.former = PersonFactory(display_name="Former Colleague", department=see, is_active=False)


def _build_articles(site):
    see, tif = site.departments
    now = timezone.now()
    main = ArticleFactory(
        title="MI trains officials on labour migration",
        standfirst="Officials from six countries met in Mae Sot to share practice.",
        department=see,
        hero_image=image_file("hero.jpg", size=(1200, 675)),
        hero_alt="Officials seated around a workshop table",
        hero_caption="Opening session",
        hero_credit="MI / Communications",
        event_start=datetime.date(2024, 3, 4),
        event_end=datetime.date(2024, 3, 6),
        venue="Mae Sot, Thailand",
        featured=True,
        publish_at=now - 2 * DAY,
        tags=site.tags,
    )
    main.programs.add(site.programs[0])
    main.countries.set(site.countries)
    main.themes.add(site.themes[0])
    # The former colleague is named in old news: the article must still render.
    main.people.add(site.people[1], site.former)
    second = ArticleFactory(
        title="Regional forum on energy transition",
        department=see,
        publish_at=now - 3 * DAY,
        tags=["energy"],
    )
    second.programs.add(site.programs[0])
    second.countries.add(site.countries[0])
    third = ArticleFactory(
        title="Trade facilitation week", department=tif, publish_at=now - 4 * DAY
    )
    third.programs.add(site.programs[1])
    third.people.add(site.people[2])
    site.articles = [main, second, third]


def _build_non_live(site):
    """One article, person and program in each non-live state, linked to the live content."""
    see = site.departments[0]
    program, person = site.programs[0], site.people[1]
    for state, fields in non_live_states().items():
        marker = f"LEAK{state.upper()}"
        tag = f"{marker}ARTICLE-tag".lower()
        article = ArticleFactory(
            title=f"{marker}ARTICLE news", department=see, featured=True, tags=[tag], **fields
        )
        article.programs.add(program)
        article.countries.set(site.countries)
        article.themes.add(site.themes[0])
        article.people.add(person)
        hidden_person = PersonFactory(display_name=f"{marker}PERSON Name", department=see, **fields)
        ProgramMembershipFactory(person=hidden_person, program=program)
        hidden_program = ProgramFactory(title=f"{marker}PROGRAM title", department=see, **fields)
        hidden_program.countries.set(site.countries)
        ProgramMembershipFactory(person=person, program=hidden_program)
        # A live article that names non-live people and programs must not show them.
        site.articles[0].people.add(hidden_person)
        site.articles[0].programs.add(hidden_program)
        site.hidden[f"{marker}ARTICLE"] = article
        site.hidden[f"{marker}PERSON"] = hidden_person
        site.hidden[f"{marker}PROGRAM"] = hidden_program
    site.markers = list(site.hidden)
