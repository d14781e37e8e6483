"""Staff profiles: the Executive Director, four directors, managers, staff and one former staff.

Mr. Suriyan Vichitlekarn and Mrs. Guohua Liu are real people named in the seed pages; their
profiles say only what those pages say. Everyone else is fictional.
"""

from mi_site.core.publishing import Status
from mi_site.core.slugs import slug_from
from mi_site.core.sync import Writer
from people.models import Person, ProgramMembership

from . import images
from .refs import Refs
from .values import at, html

Rank, Role = Person.Rank, ProgramMembership.Role

LIU_BIOGRAPHY = html(
    "Mrs. Liu Guohua is the Director of the Sustainable Energy and Environment Department at the Mekong Institute. Prior to this role, she worked in the Department of International Economic Affairs at the Ministry of Foreign Affairs of China, where she played a key role in shaping and implementing China\u2019s cooperation strategies with UN development agencies. During this time, Mrs. Liu was actively involved in advancing initiatives related to the Sustainable Development Goals (SDGs), with a focus on climate change and green development. Additionally, she contributed to the evaluation of projects funded by various Chinese initiatives, such as the Global Development and South-South Cooperation Fund, Lancang-Mekong Cooperation Special Fund, etc.",
    "In addition to her work in the Department of International Economic Affairs, Mrs. Liu has an extensive diplomatic background. She spent 7 years in the Department of African Affairs, followed by a 4-year tenure at the Chinese Embassy in Lao PDR, where she gained deep expertise in both Southeast Asian and African affairs. These diverse experiences have played a crucial role in shaping her approach to sustainable development and international collaboration, particularly in building regional partnerships and tackling global challenges like climate change.",
)
LIU_EDUCATION = html(
    "She holds a Master\u2019s degree in Economics, with a specialization in Finance, from the Central University of Finance and Economics, and a Bachelor\u2019s degree in Economics, specializing in International Economics and Trade, from the Shanghai University of International Business and Economics.",
)


PEOPLE = [
    {
        "honorific": "Mr.",
        "display_name": "Suriyan Vichitlekarn",
        "position": "Executive Director",
        "department": None,
        "rank": Rank.EXECUTIVE_DIRECTOR,
        "short_bio": "Executive Director of the Mekong Institute.",
        "programs": {},
    },
    {
        "honorific": "Mrs.",
        "display_name": "Guohua Liu",
        "sort_name": "Liu Guohua",
        "position": "Director, Sustainable Energy & Environment (SEE) Department",
        "department": "SEE",
        "rank": Rank.DIRECTOR,
        "short_bio": "Director of the Sustainable Energy and Environment Department; formerly with the Department of International Economic Affairs at the Ministry of Foreign Affairs of China.",
        "biography": LIU_BIOGRAPHY,
        "education": LIU_EDUCATION,
        "programs": {"energy-dialogue": Role.LEAD},
    },
    {
        "honorific": "Dr.",
        "display_name": "Nguyen Thi Lan Huong",
        "position": "Director, Agricultural Development and Commercialization (ADC) Department",
        "department": "ADC",
        "rank": Rank.DIRECTOR,
        "short_bio": "Agricultural economist who leads MI's work on value chains and food safety.",
        "biography": html(
            "Dr. Nguyen Thi Lan Huong directs the Agricultural Development and Commercialization Department. She has worked for more than twenty years on agricultural value chains, farmer organisations and food safety in the Mekong region.",
            "Before joining MI she managed rural development projects for a provincial department of agriculture and taught agricultural economics.",
        ),
        "education": html("PhD in Agricultural Economics; MSc in Rural Development."),
        "programs": {"value-chains": Role.LEAD, "food-safety": Role.LEAD},
    },
    {
        "honorific": "Mr.",
        "display_name": "Kyaw Min Htun",
        "position": "Director, Trade and Investment Facilitation (TIF) Department",
        "department": "TIF",
        "rank": Rank.DIRECTOR,
        "short_bio": "Trade facilitation specialist leading MI's work with border agencies and SMEs.",
        "biography": html(
            "Mr. Kyaw Min Htun directs the Trade and Investment Facilitation Department. His work focuses on trade facilitation along the GMS economic corridors and on helping small businesses enter regional markets.",
        ),
        "education": html("Master of International Trade; Bachelor of Commerce."),
        "programs": {"e-commerce": Role.LEAD, "green-logistics": Role.LEAD},
    },
    {
        "honorific": "Dr.",
        "display_name": "Phonethip Keomany",
        "position": "Director, Innovation and Technological Connectivity (ITC) Department",
        "department": "ITC",
        "rank": Rank.DIRECTOR,
        "short_bio": "Innovation policy specialist who leads MI's digital economy and labour mobility programs.",
        "biography": html(
            "Dr. Phonethip Keomany directs the Innovation and Technological Connectivity Department, which runs MI's programs on the digital economy, technology transfer and labour mobility.",
        ),
        "education": html("PhD in Science and Technology Policy; MEng in Computer Engineering."),
        "programs": {"digital-skills": Role.LEAD},
    },
    {
        "honorific": "Ms.",
        "display_name": "Pimchanok Srisuk",
        "position": "Program Manager, Labour Mobility and Digital Skills",
        "department": "ITC",
        "rank": Rank.MANAGER,
        "short_bio": "Manages MI's labour migration and digital skills programs.",
        "email": "pimchanok.s@example.org",
        "programs": {"labour-migration": Role.LEAD, "digital-skills": Role.CONTACT},
    },
    {
        "honorific": "Ms.",
        "display_name": "Sokunthea Meas",
        "position": "Program Manager, Trade Facilitation",
        "department": "TIF",
        "rank": Rank.MANAGER,
        "short_bio": "Manages MI's trade facilitation and women-led SME programs.",
        "email": "sokunthea.m@example.org",
        "phone": "+66 43 202 411",
        "programs": {"e-commerce": Role.CONTACT, "women-smes": Role.LEAD},
    },
    {
        "honorific": "Mr.",
        "display_name": "Haoran Zhang",
        "sort_name": "Zhang Haoran",
        "position": "Program Manager, Energy and Climate",
        "department": "SEE",
        "rank": Rank.MANAGER,
        "short_bio": "Manages MI's energy transition and climate resilience programs.",
        "programs": {"energy-dialogue": Role.CONTACT, "water-resilience": Role.LEAD},
    },
    {
        "honorific": "Mr.",
        "display_name": "Tran Quoc Bao",
        "position": "Program Officer, Agricultural Value Chains",
        "department": "ADC",
        "rank": Rank.STAFF,
        "short_bio": "Coordinates value chain training and cooperative coaching.",
        "programs": {"value-chains": Role.CONTACT, "food-safety": Role.MEMBER},
    },
    {
        "honorific": "Ms.",
        "display_name": "Aye Thandar Win",
        "position": "Program Officer, SME Development",
        "department": "TIF",
        "rank": Rank.STAFF,
        "short_bio": "Coordinates SME coaching and business matching events.",
        "programs": {"women-smes": Role.CONTACT, "e-commerce": Role.MEMBER},
    },
    {
        "honorific": "Mr.",
        "display_name": "Khamphet Sisouphanh",
        "position": "Program Officer, Environment",
        "department": "SEE",
        "rank": Rank.STAFF,
        "short_bio": "Works on water resources and disaster risk reduction training.",
        "programs": {"water-resilience": Role.CONTACT, "energy-dialogue": Role.MEMBER},
    },
    {
        "honorific": "Ms.",
        "display_name": "Napat Wongsakul",
        "position": "Communications Officer",
        "department": None,
        "rank": Rank.STAFF,
        "short_bio": "Tells the stories of MI's programs and the people they reach.",
        "email": "communications@example.org",
        "programs": {},
    },
    {
        "honorific": "Mr.",
        "display_name": "Dara Pich",
        "position": "Program Coordinator, Labour Mobility",
        "department": "ITC",
        "rank": Rank.STAFF,
        "short_bio": "Coordinated MI's regional learning programs on labour migration until 2020.",
        "active": False,
        "programs": {"labour-migration": Role.MEMBER},
    },
]


def load_people(writer: Writer, refs: Refs) -> None:
    for data in PEOPLE:
        person = _save_person(writer, refs, data)
        refs.people[person.slug] = person
        writer.sync_rows(
            ProgramMembership,
            {"person": person},
            [{"program": refs.programs[k], "role": r} for k, r in data["programs"].items()],
            key=("program",),
        )


def _save_person(writer: Writer, refs: Refs, data: dict) -> Person:
    name = data["display_name"]
    department = refs.departments[data["department"]] if data["department"] else None
    colour = refs.colours(department)[0]
    return writer.save(
        Person,
        {"slug": slug_from(name, fallback="person", max_length=200)},
        {
            "honorific": data["honorific"],
            "display_name": name,
            "sort_name": data.get("sort_name", name),
            "position": data["position"],
            "department": department,
            "leadership_rank": data["rank"],
            "short_bio": data["short_bio"],
            "biography": data.get("biography", ""),
            "education": data.get("education", ""),
            "email": data.get("email", ""),
            "phone": data.get("phone", ""),
            "is_active": data.get("active", True),
            "status": Status.PUBLISHED,
            "publish_at": at("2024-01-15 09:00"),
        },
        images={"photo": lambda: images.portrait(name, colour, refs.sizes.portrait)},
    )
