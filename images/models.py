"""The media library: every picture the site shows is an `Image` row.

Hero images, staff photos, partner logos and the images placed in rich text all point here,
so an image is uploaded (and cleaned, mi_site/core/images.py) once, described once, picked
again instead of uploaded again, and its uses are known before it is deleted (blocks.py).
The width and height are recorded when the file is saved, so no page opens a file to size
an image; `renditions` records which smaller copies exist (renditions.py).
"""

import hashlib
import re
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from mi_site.core.images import CleanImageField, RandomName, validate_image

# "IMG_1234.jpg", "DSC01234", "photo.png", "Screenshot 2024-05-01 at 10.00.00": what a
# camera or a computer names a file, never a description of it.
FILE_NAME = re.compile(
    r"""^(?:
        .*\.(?:jpe?g|png|gif|webp|heic|tiff?|bmp)
      | (?:img|dsc|dscn|dscf|pxl|mvimg|image|photo|screenshot|screen\ shot|untitled)
        [\s_\-.]*[\d\s_\-.:at]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
NOT_A_FILE_NAME = (
    "This looks like a file name, not a description. Say what the image shows, for readers "
    "who cannot see it."
)


def validate_alt_text(value: str) -> None:
    """Alternative text describes the image: a file name never does."""
    if value and FILE_NAME.match(value.strip()):
        raise ValidationError(NOT_A_FILE_NAME, code="file_name")


def upload_digest(file) -> str:
    """SHA-256 of an uploaded file's bytes, read in chunks; the file is left at its start."""
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in iter(lambda: file.read(1 << 16), b""):
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def title_from(file_name: str) -> str:
    """A library title from an uploaded file's name ("field-visit_2024.jpg" -> "field visit
    2024"): only for finding the image again in the library, never used as alt text."""
    stem = PurePath(file_name or "").stem
    return re.sub(r"[\s_\-]+", " ", stem).strip()[:255] or "Untitled image"


# What a page reads of an image to show it (markup.py, blocks.py): for `.only()` on lists.
SHOWN_FIELDS = ("file", "width", "height", "alt_text", "decorative", "caption", "credit",
                "renditions")  # fmt: skip


class Image(models.Model):
    title = models.CharField(
        max_length=255, blank=True,
        help_text="To find the image in the library. Leave empty to use the file's name. "
        "Readers never see it.",
    )  # fmt: skip
    file = CleanImageField(
        upload_to=RandomName("images"), width_field="width", height_field="height",
        validators=[validate_image],
        help_text="A JPEG, PNG, WebP or GIF image, at most 15 MB. It is stored as a clean "
        "copy: no location, camera details or hidden data.",
    )  # fmt: skip
    width = models.PositiveIntegerField(null=True, editable=False)
    height = models.PositiveIntegerField(null=True, editable=False)
    alt_text = models.CharField(
        "alternative text", max_length=255, blank=True, validators=[validate_alt_text],
        help_text="What the image shows, for readers who cannot see it. Used wherever the "
        "image is placed, unless the place gives its own.",
    )  # fmt: skip
    decorative = models.BooleanField(
        default=False,
        help_text="Tick only when the image adds nothing a reader would miss: it is then "
        "hidden from screen readers.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(max_length=200, blank=True, help_text="Who took or owns it.")
    focal_x = models.PositiveSmallIntegerField(
        "focal point across (%)", default=50, validators=[MaxValueValidator(100)],
        help_text="Where the subject is, from the left edge (0) to the right (100): a "
        "cropped copy keeps it in view.",
    )  # fmt: skip
    focal_y = models.PositiveSmallIntegerField(
        "focal point down (%)", default=50, validators=[MaxValueValidator(100)],
        help_text="From the top (0) to the bottom (100).",
    )  # fmt: skip
    renditions = models.JSONField(
        default=dict, blank=True, editable=False,
        help_text="The smaller copies made of this file (renditions.py): which file they were "
        "made from, in which widths and formats.",
    )  # fmt: skip
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        editable=False, related_name="+",
    )  # fmt: skip
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    digest = models.CharField(
        max_length=64, blank=True, editable=False, db_index=True,
        help_text="SHA-256 of the file as it was uploaded: the same picture uploaded again is "
        "found (`same_upload()`) and picked instead of stored twice.",
    )  # fmt: skip

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        indexes = [models.Index(fields=["title"], name="image_title")]

    def __str__(self):
        return self.title or f"Image {self.pk}"

    def save(self, *args, **kwargs):
        if self.renditions and self._focal_moved():
            # The crops were cut around the old point: they are made again after the save
            # commits (signals.py), as for a new file; until then pages show the original.
            self.renditions = {}
        if self.file and not self.file._committed:
            if not self.title:
                self.title = title_from(self.file.name)  # the uploaded name, not RandomName's
            self.digest = upload_digest(self.file.file)
        super().save(*args, **kwargs)

    @classmethod
    def same_upload(cls, upload) -> "Image | None":
        """The library image first stored from a file with the same bytes as `upload`."""
        return cls.objects.filter(digest=upload_digest(upload)).order_by("pk").first()

    def clean(self):
        super().clean()
        if self.decorative and self.alt_text:
            raise ValidationError(
                {
                    "alt_text": "A decorative image has no alternative text: empty this or untick "
                    "\u201cdecorative\u201d."
                }
            )

    def _focal_moved(self) -> bool:
        stored = type(self).objects.filter(pk=self.pk).values_list("focal_x", "focal_y").first()
        return stored is not None and stored != (self.focal_x, self.focal_y)

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def described(self) -> bool:
        """Whether the library says what the image is, or that it needs no words."""
        return bool(self.alt_text or self.decorative)
