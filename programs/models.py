"""What MI does and where: departments, themes, countries, partners and programs."""

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils import timezone
from taggit.managers import TaggableManager

from documents.models import Document
from images.blocks import HeroImage, image_block
from images.richtext import check_content_images
from mi_site.core import redirects, revisions
from mi_site.core.constraints import dates_in_order
from mi_site.core.paths import slug_path
from mi_site.core.publishing import Publishable, PublishableQuerySet
from mi_site.core.richtext import SanitizedHTMLField
from mi_site.core.searchable import Searchable
from mi_site.core.slugs import AutoSlugMixin

SLUG_HELP = "The address of the page. Leave empty to make one from the name."


class Department(AutoSlugMixin, models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text=SLUG_HELP)
    short_name = models.CharField(
        max_length=20, blank=True, help_text="Abbreviation MI uses, e.g. SEE or TIF."
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences shown on cards and in search results."
    )
    description = SanitizedHTMLField(blank=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    slug_source = "name"

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("site:department-detail", self.slug)

    def clean(self):
        super().clean()
        check_content_images(self)


class Theme(AutoSlugMixin, models.Model):
    """A cross-cutting topic MI labels news with, e.g. Digital Economy and Digitalization."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text=SLUG_HELP)
    summary = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    slug_source = "name"

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return slug_path("site:theme-detail", self.slug)


class CountryQuerySet(models.QuerySet):
    def gms(self):
        """The six countries with hub pages, feeds and home-page links."""
        return self.filter(is_gms=True)


class Country(AutoSlugMixin, models.Model):
    name = models.CharField(
        max_length=100, unique=True, help_text='As MI writes it, e.g. "Lao PDR", "P.R. China".'
    )
    slug = models.SlugField(max_length=100, unique=True, blank=True, help_text=SLUG_HELP)
    iso_code = models.CharField(
        "ISO code", max_length=2, unique=True, help_text="ISO 3166-1 alpha-2 code, e.g. LA."
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")
    is_gms = models.BooleanField(
        "GMS country", default=False,
        help_text="One of the six Greater Mekong Subregion countries: it has its own page, its "
        "feed and a link on the home page. Other countries (a partner's, a venue's) are named "
        "but get no page.",
    )  # fmt: skip

    slug_source = "name"
    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "countries"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.iso_code = self.iso_code.upper()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("site:country-detail", self.slug)


# A partner's logo says the partner's name when nothing else is given.
PartnerLogo = image_block(
    "logo", "logo", label="logo", fallback=lambda partner: partner.name,
    fallback_help="Leave empty to use the media library's description, or else the partner's "
    "name.",
)  # fmt: skip


class Partner(AutoSlugMixin, Searchable, PartnerLogo):
    """An organisation MI works with: a donor, a co-organiser, an implementing partner."""

    class Kind(models.TextChoices):
        DONOR = "donor", "Donor"
        GOVERNMENT = "government", "Government agency"
        INTERNATIONAL = "international", "International organisation"
        ACADEMIC = "academic", "Academic institution"
        PRIVATE = "private", "Private sector"
        OTHER = "other", "Other"

    name = models.CharField(max_length=255, unique=True)
    acronym = models.CharField(max_length=30, blank=True, help_text="e.g. TICA")
    slug = models.SlugField(
        max_length=200, unique=True, blank=True,
        help_text="The address of the partner's page. Leave empty to make one from the name.",
    )  # fmt: skip
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    summary = models.TextField(
        blank=True, help_text="A sentence or two on who the partner is and what MI does with it."
    )
    website = models.URLField(blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.SET_NULL, null=True, blank=True, related_name="partners"
    )

    slug_source = "name"
    search_fields = {"A": ("name", "acronym"), "B": ("summary",)}
    search_select_related = ("country",)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return slug_path("site:partner-detail", self.slug)

    @property
    def logo_text(self) -> str:
        placed = self.placed_logo
        return placed.alt if placed else self.name

    def clean(self):
        super().clean()
        check_content_images(self)

    def search_names(self) -> list[str]:
        return [self.country.name] if self.country else []


class ProgramStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    ONGOING = "ongoing", "Ongoing"
    COMPLETED = "completed", "Completed"


def status_for_dates(start: date | None, end: date | None, today: date) -> ProgramStatus:
    if start and start > today:
        return ProgramStatus.PLANNED
    if end and end < today:
        return ProgramStatus.COMPLETED
    return ProgramStatus.ONGOING


def program_status_q(status: str, today: date) -> Q:
    """The rows whose `program_status` is `status`: the SQL twin of `status_for_dates` plus
    the editor's override, so lists can filter by status without loading every program."""
    started = Q(start_date__isnull=True) | Q(start_date__lte=today)
    derived = {
        ProgramStatus.PLANNED: Q(start_date__gt=today),
        ProgramStatus.COMPLETED: started & Q(end_date__lt=today),
        ProgramStatus.ONGOING: started & (Q(end_date__isnull=True) | Q(end_date__gte=today)),
    }[ProgramStatus(status)]
    return Q(status_override=status) | (Q(status_override="") & derived)


class ProgramQuerySet(PublishableQuerySet):
    def with_status(self, status: str, today: date | None = None):
        return self.filter(program_status_q(status, today or timezone.localdate()))


class Program(AutoSlugMixin, Searchable, Publishable, HeroImage):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=200, unique=True, blank=True, help_text=SLUG_HELP)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="programs",
        help_text="The department that runs the program.",
    )  # fmt: skip
    summary = models.TextField(
        blank=True, help_text="One or two sentences shown on cards and in search results."
    )
    body = SanitizedHTMLField(
        blank=True, help_text="Background, objectives, activities and results."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    status_override = models.CharField(
        "phase", max_length=16, choices=ProgramStatus.choices, blank=True,
        help_text="Planned, ongoing or completed, as readers see it. Leave empty to work it "
        "out from the dates. (Whether the page is public is its publishing state, below.)",
    )  # fmt: skip
    countries = models.ManyToManyField(Country, blank=True, related_name="programs")
    partners = models.ManyToManyField(
        Partner, through="ProgramPartner", blank=True, related_name="programs"
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="+",
        help_text="Reports, briefs or proceedings (PDF) listed on the program\u2019s page.",
    )  # fmt: skip
    tags = TaggableManager(blank=True)

    objects = ProgramQuerySet.as_manager()

    search_fields = {"A": ("title",), "B": ("summary",), "C": ("body",)}
    search_select_related = ("department",)
    search_prefetch_related = ("countries", "tags")

    class Meta(Publishable.Meta):
        ordering = ["-start_date", "title"]
        permissions = [("publish_program", "Can publish, schedule and unpublish programs")]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["start_date", "end_date"], name="program_dates"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            dates_in_order(
                "start_date",
                "end_date",
                name="program_end_after_start",
                message="The end date cannot be before the start date.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return slug_path("programs:program-detail", self.slug)

    def clean(self):
        super().clean()
        check_content_images(self)

    def search_names(self) -> list[str]:
        names = [self.department.name] if self.department else []
        return names + [c.name for c in self.countries.all()] + [t.name for t in self.tags.all()]

    @property
    def program_status(self) -> ProgramStatus:
        if self.status_override:
            return ProgramStatus(self.status_override)
        return status_for_dates(self.start_date, self.end_date, timezone.localdate())


class ProgramPartner(models.Model):
    class Role(models.TextChoices):
        FUNDER = "funder", "Funder"
        IMPLEMENTING = "implementing", "Implementing partner"
        OTHER = "other", "Other"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="partner_roles")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="program_roles")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.FUNDER)

    class Meta:
        ordering = ["role", "partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "partner", "role"], name="program_partner_role_unique"
            )
        ]

    def __str__(self):
        return f"{self.partner} — {self.get_role_display()} of {self.program}"


revisions.register_link(ProgramPartner)
# The team rows (people.ProgramMembership) are added by the people app.
revisions.register(Program, links=("partner_roles",))
redirects.follow_moves(Program, view_name="programs:program-detail")
redirects.follow_moves(Partner, view_name="site:partner-detail")
