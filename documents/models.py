"""What MI publishes as files: reports, policy briefs, workshop proceedings (PDF).

A document is a row of its own, attached to articles and programs (and later pages) by
many-to-many fields on those models, so one report can be attached to several items and a
publications library can later list, filter and describe documents without changing them.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

from mi_site.core.documents import PDFField, RandomPDFName

EARLIEST_YEAR, LATEST_YEAR = 1950, 2100


class Language(models.TextChoices):
    """The document's language; the value is its language code (for `hreflang`)."""

    ENGLISH = "en", "English"
    THAI = "th", "Thai"
    LAO = "lo", "Lao"
    BURMESE = "my", "Burmese"
    KHMER = "km", "Khmer"
    CHINESE = "zh", "Chinese"
    VIETNAMESE = "vi", "Vietnamese"
    OTHER = "other", "Other language"


class Document(models.Model):
    title = models.CharField(
        max_length=255,
        help_text="As readers should see it, e.g. \u201cSynthesis report 2020\u201d.",
    )
    language = models.CharField(max_length=8, choices=Language.choices, default=Language.ENGLISH)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True,
        validators=[MinValueValidator(EARLIEST_YEAR), MaxValueValidator(LATEST_YEAR)],
        help_text="The year the document was published, e.g. 2020. May be left empty.",
    )  # fmt: skip
    file = PDFField(
        upload_to=RandomPDFName("documents"),
        help_text="A PDF file. It is checked by its content, not its name, and stored under a "
        "new name ending .pdf whatever it was called.",
    )
    size = models.PositiveBigIntegerField(
        "size in bytes", default=0, editable=False,
        help_text="Recorded when the file is saved, so pages show it without opening the file.",
    )  # fmt: skip
    description = models.TextField(
        blank=True, help_text="What the document holds, in a sentence or two. Optional."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [F("year").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__range=(EARLIEST_YEAR, LATEST_YEAR)),
                name="document_year_in_range",
                violation_error_message=f"The year must be between {EARLIEST_YEAR} and "
                f"{LATEST_YEAR}.",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title

    def save(self, *args, **kwargs):
        if self.file and (not self.file._committed or not self.size):
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # A document has no page of its own (yet): its address is its file.
        return self.file.url

    @property
    def hreflang(self) -> str:
        """The language code for links to the file; empty for "other"."""
        return "" if self.language == Language.OTHER else self.language
