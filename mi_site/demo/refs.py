"""The rows loaded so far, by the short keys data modules use to point at each other.

Departments by short name ("SEE"), themes by name, countries by ISO code, partners by acronym,
programs and people by slug, documents by their key in mi_site/demo/documents.py. Each loader
fills its table; later loaders read them.
"""

from dataclasses import dataclass, field

from .images import DEPARTMENT_COLOURS, FULL, Sizes

GMS = ("KH", "CN", "LA", "MM", "TH", "VN")


@dataclass
class Refs:
    sizes: Sizes = FULL
    departments: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)
    programs: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)

    def countries_for(self, codes) -> list:
        """`"GMS"` means all six countries of the Greater Mekong Subregion."""
        return [self.countries[code] for code in (GMS if codes == "GMS" else codes)]

    def colours(self, department) -> tuple[str, str]:
        """Picture colours for a department (a short name, a Department or None)."""
        key = getattr(department, "short_name", department) or ""
        return DEPARTMENT_COLOURS.get(key, DEPARTMENT_COLOURS[""])
