"""Capacity programs: ongoing, completed and one planned, in every department."""

from mi_site.core.publishing import Status
from mi_site.core.slugs import slug_from
from mi_site.core.sync import Writer
from programs.models import Program, ProgramPartner

from . import images
from .documents import SYNTHESIS_REPORT
from .refs import Refs
from .values import at, bullets, day, h2, html

FUNDER, IMPLEMENTING = ProgramPartner.Role.FUNDER, ProgramPartner.Role.IMPLEMENTING

LABOUR_MIGRATION = "Labor Migration Strategic Management in the Greater Mekong Subregion"

PROGRAMS = [
    {
        "key": "labour-migration",
        "title": LABOUR_MIGRATION,
        "department": "ITC",
        "dates": ("2017-01-01", "2020-12-31"),
        "countries": "GMS",
        "partners": [("TICA", FUNDER)],
        "documents": [SYNTHESIS_REPORT],
        "tags": ["labour migration", "capacity building", "decent work"],
        "hero": "Participants of a regional learning program on labour migration in discussion",
        "summary": "A four-year capacity program that brought labour ministries and recruitment agencies of the six GMS countries together to strengthen the management of labour migration.",
        "body": html(
            h2("Background"),
            "Millions of workers move between the countries of the Greater Mekong Subregion every year. Well-managed labour migration fills labour shortages, sends remittances home and spreads skills; poorly managed, it exposes migrants to debt bondage, unsafe work and exploitation.",
            h2("Objectives"),
            bullets(
                "Strengthen the capacity of labour ministries and recruitment agencies to manage labour mobility",
                "Provide a platform of exchange among governments, recruitment agencies and other stakeholders",
                "Promote decent work through existing good policies and sound guidelines",
            ),
            h2("Activities and results"),
            "Each year the program ran a regional learning program in Thailand followed by action plans that participants carried out at home with MI's technical support. The program closed in November 2020 with an online synthesis and evaluation workshop.",
        ),
    },
    {
        "key": "value-chains",
        "title": "Agricultural Value Chain Development for Smallholder Farmers in the Lower Mekong",
        "department": "ADC",
        "dates": ("2022-03-01", "2026-12-31"),
        "countries": ["KH", "LA", "MM", "VN"],
        "partners": [("LMC SF", FUNDER), ("MAF", IMPLEMENTING)],
        "tags": ["value chains", "smallholder farmers", "cooperatives"],
        "hero": "Rice fields at harvest time in the lower Mekong basin",
        "summary": "Links smallholder farmers and their cooperatives to buyers, processors and regional markets for rice, cassava and coffee.",
        "body": html(
            "Smallholder farmers produce most of the region's food but capture little of its value. The program trains cooperative leaders, extension officers and agribusinesses to organise production, meet buyers' standards and negotiate fair contracts.",
            h2("Objectives"),
            bullets(
                "Map value chains and the bottlenecks that keep farm-gate prices low",
                "Train cooperative leaders in business planning and collective marketing",
                "Connect farmer groups with processors and exporters through business matching",
            ),
            "Pilot cooperatives in four countries are coached for two seasons; their results feed a regional policy brief on inclusive agricultural value chains.",
        ),
    },
    {
        "key": "food-safety",
        "title": "Food Safety and Quality Standards for Agricultural Exports",
        "department": "ADC",
        "dates": ("2018-01-15", "2021-06-30"),
        "countries": ["KH", "LA", "MM", "VN", "TH"],
        "partners": [("TICA", FUNDER), ("KKU", IMPLEMENTING)],
        "tags": ["food safety", "GAP", "agricultural trade"],
        "summary": "Helped food safety officials and producers apply good agricultural practices and meet the standards of export markets.",
        "body": html(
            "Export markets ask for proof that fruit and vegetables are grown and handled safely. The program trained inspectors, laboratory staff and producer groups on good agricultural practices (GAP), residue testing and traceability.",
            "Over three and a half years it reached more than 400 officials and producers, and supported two countries in revising their national GAP guidelines.",
        ),
    },
    {
        "key": "e-commerce",
        "title": "Trade Facilitation and Cross-Border E-Commerce for SMEs",
        "department": "TIF",
        "dates": ("2021-01-01", "2024-12-31"),
        "countries": "GMS",
        "partners": [("ADB", FUNDER), ("MOC", IMPLEMENTING)],
        "tags": ["trade facilitation", "e-commerce", "SMEs"],
        "hero": "Trucks queue at a border crossing on a GMS economic corridor",
        "summary": "Made it easier for small businesses to sell across borders, online and offline, by working with border agencies and e-commerce platforms.",
        "body": html(
            "Small and medium-sized enterprises make up most businesses in the GMS but a small share of its exports. Paperwork at the border, logistics costs and unfamiliar online marketplaces keep them out of regional trade.",
            h2("What the program did"),
            bullets(
                "Trained border agencies on risk management and paperless trade",
                "Coached SMEs to open and run stores on regional e-commerce platforms",
                "Published a regional study on the costs of cross-border e-commerce",
            ),
        ),
    },
    {
        "key": "women-smes",
        "title": "Women-Led SMEs in Regional Value Chains",
        "department": "TIF",
        "dates": ("2025-02-01", "2028-01-31"),
        "countries": ["KH", "LA", "MM", "VN"],
        "partners": [("LMC SF", FUNDER), ("MWEN", IMPLEMENTING)],
        "tags": ["women entrepreneurs", "SMEs", "access to finance"],
        "summary": "Supports women-led small businesses to grow, find finance and supply regional buyers.",
        "body": html(
            "Women own a large share of micro and small businesses in the Mekong countries but face higher barriers to finance, networks and markets. The program combines business coaching, mentoring by established women entrepreneurs and matchmaking with regional buyers and lenders.",
            "A cohort of 120 entrepreneurs from four countries is followed for three years.",
        ),
    },
    {
        "key": "digital-skills",
        "title": "Digital Skills for Rural Enterprises in the Mekong-Lancang Region",
        "department": "ITC",
        "dates": ("2023-06-01", "2027-05-31"),
        "countries": "GMS",
        "partners": [("LMC SF", FUNDER), ("KKU", IMPLEMENTING)],
        "tags": ["digital skills", "rural enterprises", "digital transformation"],
        "hero": "A trainer shows rural entrepreneurs how to manage an online shop",
        "summary": "Trains trainers who teach rural entrepreneurs the digital skills to market products online, accept digital payments and keep digital records.",
        "body": html(
            "Rural enterprises are often the last to benefit from the digital economy. The program builds a pool of certified trainers in each country, who run local courses adapted to their communities.",
            h2("Approach"),
            bullets(
                "A regional training of trainers each year",
                "Local courses run by certified trainers, with MI coaching",
                "An online learning library in six languages",
            ),
        ),
    },
    {
        "key": "energy-dialogue",
        "title": "Mekong-Lancang Low-Carbon Energy Transition Dialogue",
        "department": "SEE",
        "dates": ("2024-01-01", "2027-12-31"),
        "countries": "GMS",
        "partners": [("LMC SF", FUNDER), ("ADB", IMPLEMENTING)],
        "tags": ["renewable energy", "energy transition", "policy dialogue"],
        "hero": "Solar panels on a rooftop in a Mekong city",
        "summary": "A regional platform where energy planners and regulators exchange experience on renewable energy, energy efficiency and power trade.",
        "body": html(
            "The Mekong countries have committed to cut emissions while meeting fast-growing demand for electricity. The dialogue gives energy planners, regulators and utilities a regular space to compare policies and learn from each other.",
            "Each year's dialogue is prepared by a regional study and followed by country-level workshops on the topics participants choose.",
        ),
    },
    {
        "key": "water-resilience",
        "title": "Climate Resilience in Transboundary Water Management",
        "department": "SEE",
        "dates": ("2019-04-01", "2022-03-31"),
        "countries": ["KH", "LA", "TH", "VN"],
        "partners": [("ADB", FUNDER), ("KKU", IMPLEMENTING)],
        "tags": ["climate change", "water resources", "disaster risk reduction"],
        "summary": "Strengthened provincial and local officials' capacity to plan for floods and droughts in shared river basins.",
        "body": html(
            "Floods and droughts in the Mekong basin do not stop at borders. The program trained provincial water and disaster management officials to use shared data, plan adaptation measures and coordinate across borders.",
        ),
    },
    {
        "key": "green-logistics",
        "title": "Green Logistics along the GMS Economic Corridors",
        "department": "TIF",
        "dates": ("2027-03-01", "2029-02-28"),
        "published": "2026-09-15 09:00",
        "countries": ["CN", "LA", "TH", "VN"],
        "partners": [("ADB", FUNDER)],
        "tags": ["logistics", "economic corridors", "green growth"],
        "summary": "A planned study and training program on cutting the emissions and costs of freight along the North-South Economic Corridor.",
        "body": html(
            "Freight transport is one of the fastest-growing sources of emissions in the region. The program, now in preparation, will assess the carbon footprint of freight along the corridor and train logistics firms on fuel-efficient operations.",
        ),
    },
]


def load_programs(writer: Writer, refs: Refs) -> None:
    for data in PROGRAMS:
        program = _save_program(writer, refs, data)
        refs.programs[data["key"]] = program
        writer.sync_rows(
            ProgramPartner,
            {"program": program},
            [{"partner": refs.partners[a], "role": role} for a, role in data["partners"]],
            key=("partner", "role"),
        )


def _save_program(writer: Writer, refs: Refs, data: dict) -> Program:
    start, end = data["dates"]
    department = refs.departments[data["department"]]
    pictures, alt = {}, data.get("hero", "")
    if alt:
        colours = refs.colours(department)
        pictures["hero_image"] = lambda: images.hero(data["title"], colours, refs.sizes.hero)
    return writer.save(
        Program,
        {"slug": slug_from(data["title"], fallback="program", max_length=200)},
        {
            "title": data["title"],
            "department": department,
            "summary": data["summary"],
            "body": data["body"],
            "start_date": day(start),
            "end_date": day(end),
            "hero_alt": alt,
            "status": Status.PUBLISHED,
            # A planned program is announced before it starts.
            "publish_at": at(data.get("published", f"{start} 09:00")),
        },
        images=pictures,
        m2m={
            "countries": refs.countries_for(data["countries"]),
            "documents": [refs.documents[key] for key in data.get("documents", [])],
        },
        tags=data["tags"],
    )
