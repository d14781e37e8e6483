"""Who works at MI: staff profiles and their roles in programs."""

from django.db import models
from django.db.models import Case, IntegerField, Value, When

from images.blocks import image_block
from images.richtext import check_content_images
from mi_site.core import redirects, revisions
from mi_site.core.paths import slug_path
from mi_site.core.publishing import Publishable, PublishableQuerySet
from mi_site.core.richtext import SanitizedHTMLField
from mi_site.core.searchable import Searchable
from mi_site.core.slugs import AutoSlugMixin
from programs.models import Department, Program


class PersonQuerySet(PublishableQuerySet):
    def current(self):
        """Staff who still work at MI: former staff keep their profile row but leave the
        directory, department and program pages."""
        return self.filter(is_active=True)

    def listed(self, now=None):
        """The people the public site lists and links: live profiles of current staff."""
        return self.live(now).current()


# A staff photo without words of its own is "Portrait of <name>".
PersonPhoto = image_block(
    "photo", "photo", label="photo",
    fallback=lambda person: f"Portrait of {person.display_name}",
    fallback_help="Leave empty to use the media library's description, or else "
    "\u201cPortrait of <name>\u201d.",
)  # fmt: skip


class Person(AutoSlugMixin, Searchable, Publishable, PersonPhoto):
    class Honorific(models.TextChoices):
        MR = "Mr.", "Mr."
        MRS = "Mrs.", "Mrs."
        MS = "Ms.", "Ms."
        DR = "Dr.", "Dr."
        PROF = "Prof.", "Prof."
        HE = "H.E.", "H.E."

    class Rank(models.IntegerChoices):
        EXECUTIVE_DIRECTOR = 10, "Executive Director"
        DEPUTY = 20, "Deputy Executive Director"
        DIRECTOR = 30, "Director"
        MANAGER = 40, "Manager"
        STAFF = 50, "Staff"

    honorific = models.CharField(max_length=8, choices=Honorific.choices, blank=True)
    display_name = models.CharField(
        max_length=200, help_text='The name as it is shown, e.g. "Guohua Liu".'
    )
    sort_name = models.CharField(
        max_length=200, blank=True,
        help_text='How the directory files the name, e.g. "Liu Guohua". Leave empty to use the '
        "display name.",
    )  # fmt: skip
    slug = models.SlugField(
        max_length=200, unique=True, blank=True,
        help_text="The address of the profile. Leave empty to make one from the name.",
    )  # fmt: skip
    position = models.CharField(
        max_length=255, blank=True, help_text="Job title, e.g. Director, Sustainable Energy and "
        "Environment Department."
    )  # fmt: skip
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="people",
        help_text="Leave empty for the Office of the Executive Director.",
    )  # fmt: skip
    leadership_rank = models.PositiveSmallIntegerField(
        choices=Rank.choices, default=Rank.STAFF,
        help_text="Orders the directory: Executive Director first, then directors, then staff.",
    )  # fmt: skip
    short_bio = models.TextField(blank=True, help_text="One or two sentences for cards.")
    biography = SanitizedHTMLField(blank=True)
    education = SanitizedHTMLField(blank=True)
    email = models.EmailField("public email", blank=True)
    phone = models.CharField("public phone", max_length=40, blank=True)
    programs = models.ManyToManyField(
        Program, through="ProgramMembership", blank=True, related_name="people"
    )
    is_active = models.BooleanField(
        "current staff", default=True,
        help_text="Untick when the person leaves MI: the profile leaves the directory, and "
        "news that names them still shows.",
    )  # fmt: skip

    slug_source = "display_name"

    objects = PersonQuerySet.as_manager()

    search_fields = {
        "A": ("display_name", "sort_name"),
        "B": ("position", "short_bio"),
        "C": ("biography", "education"),
    }
    search_select_related = ("department",)

    class Meta(Publishable.Meta):
        ordering = ["leadership_rank", "sort_name"]
        verbose_name_plural = "people"
        permissions = [("publish_person", "Can publish, schedule and unpublish staff profiles")]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["leadership_rank", "sort_name"], name="person_directory"),
        ]

    def __str__(self):
        return self.display_name

    def get_absolute_url(self):
        return slug_path("people:person-detail", self.slug)

    def search_names(self) -> list[str]:
        return [self.department.name] if self.department else []

    @property
    def full_name(self) -> str:
        return f"{self.honorific} {self.display_name}".strip()

    def save(self, *args, **kwargs):
        if not self.sort_name:
            self.sort_name = self.display_name
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        check_content_images(self)


class ProgramMembershipQuerySet(models.QuerySet):
    def by_role(self):
        """Program leads first, then contact people, then the rest of the team."""
        role = ProgramMembership.Role
        return self.alias(
            role_order=Case(
                When(role=role.LEAD, then=Value(0)),
                When(role=role.CONTACT, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("role_order")

    def team(self, program):
        """A program's current staff as the public sees them (listed people), leads first."""
        return (
            self.filter(program=program, person__in=Person.objects.listed())
            .select_related("person__department", "person__photo")
            .by_role()
            .order_by("role_order", "person__leadership_rank", "person__sort_name")
        )


class ProgramMembership(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", "Program lead"
        CONTACT = "contact", "Contact person"
        MEMBER = "member", "Team member"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.MEMBER)

    objects = ProgramMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["role", "person__sort_name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "program"], name="one_role_per_program")
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.program}"


revisions.register_link(ProgramMembership)
revisions.add_links(Program, "memberships")  # a program's versions keep its team
revisions.register(Person, links=("memberships",))
redirects.follow_moves(Person, view_name="people:person-detail")
