"""The image block: where a page places a library image, and the one alternative-text rule.

`image_block("hero_image", "hero", label="hero image")` is an abstract model with the
fields `hero_image` (the library image), `hero_alt`, `hero_decorative`, `hero_caption` and
`hero_credit`, and a `placed_hero` property: what a template shows (the image, its
alternative text, caption and credit), each the block's own or else the library's. Article,
Program and Page place a hero image; Person a photo and Partner a logo, with the fallbacks
they have always had ("Portrait of <name>", the partner's name).

The rule (`image_errors`; images/richtext.py adds the images in rich text and gives models
`check_content_images()` for their `clean()`): an image needs alternative text (the block's,
the library's, or the model's explicit fallback) or the explicit "decorative" choice; a file
name is never alternative text (models.validate_alt_text).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models

from .models import SHOWN_FIELDS, Image, validate_alt_text


@dataclass(frozen=True)
class Placed:
    """An image as one page shows it. `alt` is "" for a decorative image."""

    image: Image
    alt: str
    caption: str
    credit: str

    @property
    def decorative(self) -> bool:
        return not self.alt


@dataclass(frozen=True)
class Slot:
    field: str  # the foreign key: "hero_image"
    prefix: str  # of the other fields: "hero"
    label: str  # in messages: "hero image"
    fallback: Callable[[models.Model], str] | None = None

    def alt(self, item) -> str | None:
        """The alternative text readers get: "" when decorative, None when there is none."""
        image = getattr(item, self.field)
        if getattr(item, f"{self.prefix}_decorative"):
            return ""
        own = getattr(item, f"{self.prefix}_alt")
        if own:
            return own
        if image.alt_text:
            return image.alt_text
        if image.decorative:
            return ""
        return self.fallback(item) if self.fallback else None

    def placed(self, item) -> Placed | None:
        image = getattr(item, self.field)
        if image is None:
            return None
        return Placed(
            image=image,
            alt=self.alt(item) or "",
            caption=getattr(item, f"{self.prefix}_caption") or image.caption,
            credit=getattr(item, f"{self.prefix}_credit") or image.credit,
        )

    def errors(self, item) -> dict[str, str]:
        if getattr(item, f"{self.field}_id") is None:
            return {}
        if getattr(item, f"{self.prefix}_decorative") and getattr(item, f"{self.prefix}_alt"):
            return {
                f"{self.prefix}_alt": f"A decorative {self.label} has no alternative text: "
                f"empty this or untick \u201c{self.label} is decorative\u201d."
            }
        if self.alt(item) is None:
            image = getattr(item, self.field)
            return {
                f"{self.prefix}_alt": f"The {self.label} \u201c{image}\u201d has no "
                f"alternative text: describe it here (or in the media library), or tick "
                f"\u201c{self.label} is decorative\u201d."
            }
        return {}


def image_block(
    field: str,
    prefix: str,
    *,
    label: str,
    fallback: Callable[[models.Model], str] | None = None,
    fallback_help: str = "",
) -> type[models.Model]:
    """An abstract model placing one library image (module docstring)."""
    slot = Slot(field, prefix, label, fallback)
    alt_help = fallback_help or (
        f"Describe the image for readers who cannot see it. Leave empty to use the media "
        f"library's description. Required unless the {label} is decorative."
    )

    class Meta:
        abstract = True

    attrs = {
        "__module__": __name__,
        "Meta": Meta,
        field: models.ForeignKey(
            Image,
            on_delete=models.PROTECT,
            null=True,
            blank=True,
            related_name="+",
            verbose_name=label,
            help_text="Pick one from the media library (\U0001f50d), or add a new one (+).",
        ),
        f"{prefix}_alt": models.CharField(
            f"{label} alternative text",
            max_length=255,
            blank=True,
            help_text=alt_help,
            validators=[validate_alt_text],
        ),
        f"{prefix}_decorative": models.BooleanField(
            f"{label} is decorative",
            default=False,
            help_text="Tick only when the image adds nothing a reader would miss.",
        ),
        f"{prefix}_caption": models.CharField(
            f"{label} caption",
            max_length=300,
            blank=True,
            help_text="Leave empty to use the media library's caption.",
        ),
        f"{prefix}_credit": models.CharField(
            f"{label} credit",
            max_length=200,
            blank=True,
            help_text="Who took or owns the picture. Leave empty to use the library's credit.",
        ),
        f"placed_{prefix}": property(slot.placed),
    }
    name = "".join(part.title() for part in prefix.split("_")) + "ImageBlock"
    block = type(name, (models.Model,), attrs)
    block.image_slots = (slot,)
    # What `placed_<prefix>` reads: for `.only()` on lists (with select_related(field)), so a
    # card never loads a deferred field, one query per row.
    block.shown_fields = (
        f"{prefix}_alt", f"{prefix}_decorative", f"{prefix}_caption", f"{prefix}_credit",
        *(f"{field}__{name}" for name in SHOWN_FIELDS),
    )  # fmt: skip
    return block


def image_slots(item) -> tuple[Slot, ...]:
    """Every image block of a model, inherited ones included."""
    slots = []
    for klass in type(item).__mro__:
        slots += [s for s in klass.__dict__.get("image_slots", ()) if s not in slots]
    return tuple(slots)


def image_errors(item) -> dict[str, str]:
    """What the rule finds wrong with `item`'s image blocks, by field."""
    errors = {}
    for slot in image_slots(item):
        errors.update(slot.errors(item))
    return errors


# Article, Program and Page place a hero image above the title.
HeroImage = image_block("hero_image", "hero", label="hero image")
