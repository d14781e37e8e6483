"""MI's four departments, the cross-cutting themes, and the six GMS countries (already there)."""

from mi_site.core.sync import Writer
from programs.models import Country, Department, Theme

from .refs import GMS, Refs
from .values import bullets, h2, html

DEPARTMENTS = [
    {
        "name": "Agricultural Development and Commercialization",
        "short_name": "ADC",
        "summary": "Helps smallholder farmers, cooperatives and agribusinesses in the Mekong region reach markets with safe, high-quality produce.",
        "description": html(
            "The Agricultural Development and Commercialization (ADC) Department works with ministries of agriculture, farmer organisations and agribusinesses to make agriculture in the Greater Mekong Subregion more productive, inclusive and market-oriented.",
            "Its capacity programs cover agricultural value chains, food safety and quality standards, contract farming and cross-border agricultural trade. Training courses, study visits and policy dialogues are followed by action plans that participants carry out in their own countries, with coaching from MI.",
            h2("What the department does"),
            bullets(
                "Value chain development for rice, cassava, coffee, fruit and vegetables",
                "Food safety, good agricultural practices and certification",
                "Agricultural cooperatives and farmer-to-market linkages",
                "Research on food security and nutrition in the subregion",
            ),
        ),
    },
    {
        "name": "Trade and Investment Facilitation",
        "short_name": "TIF",
        "summary": "Supports governments and small businesses to trade across borders more easily and to attract responsible investment.",
        "description": html(
            "The Trade and Investment Facilitation (TIF) Department strengthens the capacity of public officials and the private sector to make trade in the Greater Mekong Subregion faster, cheaper and fairer.",
            "Its work spans trade facilitation and customs cooperation, logistics along the economic corridors, cross-border e-commerce and the competitiveness of small and medium-sized enterprises, with a particular focus on women-led businesses.",
            h2("What the department does"),
            bullets(
                "Trade facilitation and single-window training for border agencies",
                "SME competitiveness and access to regional markets",
                "Cross-border e-commerce and digital trade",
                "Investment promotion along the GMS economic corridors",
            ),
        ),
    },
    {
        "name": "Innovation and Technological Connectivity",
        "short_name": "ITC",
        "summary": "Builds the skills, institutions and partnerships the region needs for digital transformation and well-managed labour mobility.",
        "description": html(
            "The Innovation and Technological Connectivity (ITC) Department helps the Mekong countries use technology and innovation for inclusive growth, and supports safe, orderly and beneficial labour migration in the subregion.",
            "It runs regional learning programs on the digital economy, technology transfer and innovation policy, and brings labour ministries and recruitment agencies together to share good practices in migration governance.",
            h2("What the department does"),
            bullets(
                "Digital skills and digital transformation of rural enterprises",
                "Innovation and technology transfer policy",
                "Labour migration management and decent work",
                "Regional networks of universities and research institutes",
            ),
        ),
    },
    {
        "name": "Sustainable Energy and Environment",
        "short_name": "SEE",
        "summary": "Works with the Mekong countries on clean energy, climate resilience and the sustainable use of natural resources.",
        "description": html(
            "The Sustainable Energy and Environment (SEE) Department supports the Mekong countries in their transition to low-carbon, climate-resilient development.",
            "Its programs bring together energy planners, environment agencies, local governments and communities to exchange experience on renewable energy, energy efficiency, water resources and disaster risk reduction, and to turn regional commitments into local action.",
            h2("What the department does"),
            bullets(
                "Renewable energy and energy efficiency policy dialogues",
                "Climate change adaptation and disaster risk reduction",
                "Transboundary water resources management",
                "Green development and circular economy initiatives",
            ),
        ),
    },
]

THEMES = [
    (
        "Social Inclusion and Vulnerability",
        "Reaching migrants, ethnic minorities, people with disabilities and the rural poor.",
    ),
    (
        "Digital Economy and Digitalization",
        "Digital skills, e-commerce and digital public services in the Mekong region.",
    ),
    (
        "Climate Resilience",
        "Adapting to a changing climate and reducing the risk of disasters.",
    ),
    (
        "Food Security and Nutrition",
        "Safe, affordable and nutritious food for every household in the subregion.",
    ),
    (
        "Women's Economic Empowerment",
        "Women entrepreneurs, workers and leaders in the regional economy.",
    ),
    (
        "Regional Connectivity",
        "Economic corridors, trade routes and the institutions that link the GMS countries.",
    ),
]


def load_departments(writer: Writer, refs: Refs) -> None:
    for order, data in enumerate(DEPARTMENTS, start=1):
        values = {k: v for k, v in data.items() if k != "name"}
        refs.departments[data["short_name"]] = writer.save(
            Department, {"name": data["name"]}, {**values, "order": order}
        )


def load_themes(writer: Writer, refs: Refs) -> None:
    for order, (name, summary) in enumerate(THEMES, start=1):
        refs.themes[name] = writer.save(Theme, {"name": name}, {"summary": summary, "order": order})


# Countries beyond the six, as partners' countries: named, with no page of their own.
PARTNER_COUNTRIES = [("Republic of Korea", "KR", 20), ("New Zealand", "NZ", 21)]


def load_countries(writer: Writer, refs: Refs) -> None:
    """The six GMS countries come from a data migration; the demo reuses them and adds two
    partners' countries."""
    found = {c.iso_code: c for c in Country.objects.filter(iso_code__in=GMS)}
    missing = sorted(set(GMS) - set(found))
    if missing:
        raise LookupError(
            f"Countries {', '.join(missing)} are missing: run `manage.py migrate` first."
        )
    refs.countries.update(found)
    for name, code, order in PARTNER_COUNTRIES:
        refs.countries[code] = writer.save(
            Country, {"iso_code": code}, {"name": name, "order": order}
        )
