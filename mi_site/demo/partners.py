"""Partners: donors, international organisations, government agencies and a university."""

from mi_site.core.sync import Writer
from programs.models import Partner

from . import images
from .refs import Refs

Kind = Partner.Kind

# (name, acronym, kind, website, country ISO code or None, logo colour)
PARTNERS = [
    ("Thailand International Cooperation Agency", "TICA", Kind.DONOR,
     "https://tica.thaigov.net/", "TH", "#1b4f9c"),
    ("Lancang-Mekong Cooperation Special Fund", "LMC SF", Kind.DONOR,
     "http://www.lmcchina.org/", "CN", "#b71c1c"),
    ("Asian Development Bank", "ADB", Kind.INTERNATIONAL,
     "https://www.adb.org/", None, "#00529b"),
    ("Ministry of Agriculture and Forestry, Lao PDR", "MAF", Kind.GOVERNMENT,
     "", "LA", "#2e7d32"),
    ("Ministry of Commerce, Cambodia", "MOC", Kind.GOVERNMENT,
     "", "KH", "#283593"),
    ("Ministry of Labour, Invalids and Social Affairs, Vietnam", "MOLISA", Kind.GOVERNMENT,
     "", "VN", "#c62828"),
    ("Khon Kaen University", "KKU", Kind.ACADEMIC,
     "https://www.kku.ac.th/", "TH", "#8d6e63"),
    ("Mekong Women Entrepreneurs Network", "MWEN", Kind.PRIVATE,
     "", None, "#ad1457"),
    ("Mekong-Republic of Korea Cooperation Fund", "MKCF", Kind.DONOR,
     "", "KR", "#0d47a1"),
    ("New Zealand Ministry of Foreign Affairs and Trade", "MFAT", Kind.GOVERNMENT,
     "", "NZ", "#263238"),
]  # fmt: skip

# What a partner's page says about it (the rest have none, as many real partners will not).
SUMMARIES = {
    "TICA": "Thailand's agency for international development cooperation, and one of MI's "
    "longest-standing donors, funding training courses for officials from the Mekong "
    "countries since the Institute began.",
    "LMC SF": "The special fund of the Lancang-Mekong Cooperation framework, which supports "
    "MI's projects on agriculture, trade and connectivity along the Lancang-Mekong River.",
    "MKCF": "The fund through which the Republic of Korea supports cooperation projects with "
    "the five Mekong countries.",
}

# Partners whose logo the demo draws; the rest show how a partner without a logo looks.
WITH_LOGO = {"TICA", "LMC SF", "ADB", "KKU"}


def load_partners(writer: Writer, refs: Refs) -> None:
    for name, acronym, kind, website, country, colour in PARTNERS:
        pictures = {}
        if acronym in WITH_LOGO:
            pictures["logo"] = lambda a=acronym, c=colour: images.logo(a, c, refs.sizes.logo)
        refs.partners[acronym] = writer.save(
            Partner,
            {"name": name},
            {
                "acronym": acronym,
                "kind": kind,
                "website": website,
                "summary": SUMMARIES.get(acronym, ""),
                "country": refs.countries[country] if country else None,
            },
            images=pictures,
        )
