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

from documents.models import Language
from mi_site.core.publishing import Status
from mi_site.search import signals as search_signals
from people.models import Person, ProgramMembership
from programs.models import Country, ProgramPartner
from tests.factories import (
    ArticleFactory,
    ArticlePartnerFactory,
    DepartmentFactory,
    DocumentFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramMembershipFactory,
    ProgramPartnerFactory,
    ThemeFactory,
)
from tests.factories.images import library_image
from tests.factories.pages import (
    MenuItemFactory,
    PageFactory,
    SiteFooterFactory,
    SocialLinkFactory,
)

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
    pages: list = field(default_factory=list)  # standalone pages: About and its child
    documents: list = field(default_factory=list)
    former: object = None
    tags: list = field(default_factory=list)
    partners: list = field(default_factory=list)
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
    _build_pages(site)
    _build_non_live(site)
    _build_non_live_pages(site)
    # Saves index after their commit; the site is built inside one test transaction.
    search_signals.flush()
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
        hero_image=library_image("program.jpg", size=(800, 450)),
        hero_alt="Participants at a training session",
    )
    ongoing.countries.set(site.countries)
    ongoing.tags.add(*site.tags)
    site.documents = [
        DocumentFactory(title="Labour migration in the GMS: synthesis report", year=2020),
        DocumentFactory(
            title="สรุปผลการประชุม",
            language=Language.THAI,
            year=2021,
            description="Workshop proceedings in Thai.",
        ),
    ]
    ongoing.documents.set(site.documents)
    tica = PartnerFactory(name="Thailand International Cooperation Agency", acronym="TICA")
    ProgramPartnerFactory(program=ongoing, partner=tica, role=ProgramPartner.Role.FUNDER)
    site.partners = [tica]
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
            photo=library_image("portrait.jpg", size=(300, 400)),
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
        hero_image=library_image("hero.jpg", size=(1200, 675)),
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
    main.documents.add(site.documents[0])
    ArticlePartnerFactory(article=main, partner=site.partners[0], role="funder")
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
        # A document attached only to non-live items shows nowhere.
        hidden_document = DocumentFactory(title=f"{marker}DOCUMENT report")
        article.documents.add(hidden_document)
        hidden_program.documents.add(hidden_document)
        site.hidden[f"{marker}DOCUMENT"] = hidden_document
        # A partner named only by non-live items has no page; the live partner's page must
        # not list the non-live article or program.
        hidden_partner = PartnerFactory(name=f"{marker}PARTNER Agency", acronym="")
        ArticlePartnerFactory(article=article, partner=hidden_partner)
        ProgramPartnerFactory(program=hidden_program, partner=hidden_partner)
        ArticlePartnerFactory(article=article, partner=site.partners[0], role="co-organiser")
        ProgramPartnerFactory(program=hidden_program, partner=site.partners[0])
        site.hidden[f"{marker}PARTNER"] = hidden_partner
        site.hidden[f"{marker}ARTICLE"] = article
        site.hidden[f"{marker}PERSON"] = hidden_person
        site.hidden[f"{marker}PROGRAM"] = hidden_program
    site.markers = list(site.hidden)


def _build_pages(site):
    """A live page with a live child, both in the main menu, and the footer with its links."""
    about = PageFactory(
        title="About the Mekong Institute",
        slug="about",
        standfirst="An intergovernmental organisation in Khon Kaen, Thailand.",
        body="<h2>Our mandate</h2><p>Regional cooperation in the six GMS countries.</p>",
        hero_image=library_image("about.jpg", size=(1200, 675)),
        hero_alt="The Mekong Institute building in Khon Kaen",
    )
    governance = PageFactory(title="Governance", slug="governance", parent=about)
    site.pages = [about, governance]
    MenuItemFactory(label="About", page=about, sort_order=1)
    MenuItemFactory(label="News", url="/news/", sort_order=2)
    MenuItemFactory(label="Governance", page=governance, sort_order=3)
    SocialLinkFactory(footer=SiteFooterFactory(), url="https://www.facebook.com/MekongInstitute")


def _build_non_live_pages(site):
    """A page in each non-live state under the live one, each in the main menu."""
    about = site.pages[0]
    for state, fields in non_live_states().items():
        marker = f"LEAK{state.upper()}PAGE"
        page = PageFactory(title=f"{marker} title", slug=marker.lower(), parent=about, **fields)
        MenuItemFactory(label=f"{marker} menu", page=page)
        site.hidden[marker] = page
    site.markers = list(site.hidden)
