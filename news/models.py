"""What MI reports: news articles."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, F, Func, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.urls import reverse
from taggit.managers import TaggableManager
from taggit.models import Tag

from mi_site.core.constraints import dates_in_order
from mi_site.core.images import RandomName, validate_image
from mi_site.core.publishing import Publishable, PublishableQuerySet
from mi_site.core.richtext import SanitizedHTMLField
from mi_site.core.slugs import AutoSlugMixin
from people.models import Person
from programs.models import Country, Department, Program, Theme


def count_of(rows):
    """A correlated subquery: how many of `rows` there are (0, never NULL)."""
    counted = rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# How an article links to each kind of hub page: its feed, sitemap entry and page all ask
# `Article.objects.live().about(hub)`.
HUB_LOOKUPS = {
    Department: "department",
    Theme: "themes",
    Country: "countries",
    Program: "programs",
    Tag: "tags",
}


class ArticleQuerySet(PublishableQuerySet):
    def about(self, hub, *, model=None):
        """Articles linked to `hub`: a department (the label above the title), theme, country,
        program or tag. Pass `model` when `hub` is an expression such as `OuterRef("pk")`."""
        return self.filter(**{HUB_LOOKUPS[model or type(hub)]: hub})

    def related_to(self, article):
        """Other live articles ranked by what they share with `article`: programs first, then
        the department, then tags and countries together; newest first among equals.

        The ranking runs in the database as correlated subqueries over the many-to-many
        tables, so it costs one query however many articles exist. Articles that share
        nothing are left out.
        """
        model = self.model
        programs = model.programs.through
        countries = model.countries.through
        tagged = model.tags.through
        content_type = ContentType.objects.get_for_model(model)
        own_programs = programs.objects.filter(
            article_id=article.pk, program__in=Program.objects.live()
        ).values("program_id")
        own_countries = countries.objects.filter(article_id=article.pk).values("country_id")
        own_tags = tagged.objects.filter(content_type=content_type, object_id=article.pk)
        same_department = (
            Case(When(department_id=article.department_id, then=Value(1)), default=Value(0))
            if article.department_id
            else Value(0)
        )
        return (
            self.live()
            .exclude(pk=article.pk)
            .annotate(
                shared_programs=count_of(
                    programs.objects.filter(article_id=OuterRef("pk"), program_id__in=own_programs)
                ),
                same_department=same_department,
                shared_tags_and_countries=count_of(
                    tagged.objects.filter(
                        content_type=content_type,
                        object_id=OuterRef("pk"),
                        tag_id__in=own_tags.values("tag_id"),
                    )
                )
                + count_of(
                    countries.objects.filter(
                        article_id=OuterRef("pk"), country_id__in=own_countries
                    )
                ),
            )
            .filter(
                Q(shared_programs__gt=0) | Q(same_department=1) | Q(shared_tags_and_countries__gt=0)
            )
            .order_by(
                "-shared_programs",
                "-same_department",
                "-shared_tags_and_countries",
                "-publish_at",
                "-pk",
            )
        )


class Article(AutoSlugMixin, Publishable):
    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=200, unique=True, blank=True,
        help_text="The address of the article. Leave empty to make one from the title.",
    )  # fmt: skip
    standfirst = models.TextField(
        blank=True, help_text="The summary under the title; also used in lists and feeds."
    )
    body = SanitizedHTMLField(blank=True)

    hero_image = models.ImageField(
        upload_to=RandomName("news"), blank=True, validators=[validate_image]
    )
    hero_alt = models.CharField(
        "hero image alternative text", max_length=255, blank=True,
        help_text="Describe the image for readers who cannot see it. Required with an image "
        "unless it is marked decorative.",
    )  # fmt: skip
    hero_decorative = models.BooleanField(
        "hero image is decorative", default=False,
        help_text="Tick only when the image adds nothing a reader would miss.",
    )  # fmt: skip
    hero_caption = models.CharField(max_length=300, blank=True)
    hero_credit = models.CharField(
        max_length=200, blank=True, help_text="Who took or owns the picture."
    )

    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, null=True, blank=True, related_name="articles",
        help_text="The label shown above the title.",
    )  # fmt: skip
    extra_departments = models.ManyToManyField(
        Department, blank=True, related_name="+", help_text="Further department labels."
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="articles")
    programs = models.ManyToManyField(Program, blank=True, related_name="articles")
    countries = models.ManyToManyField(Country, blank=True, related_name="articles")
    people = models.ManyToManyField(
        Person, blank=True, related_name="articles", verbose_name="people featured"
    )
    tags = TaggableManager(blank=True)
    featured = models.BooleanField(
        default=False, help_text="Show on the home page as the featured story."
    )

    objects = ArticleQuerySet.as_manager()

    event_start = models.DateField("event starts", null=True, blank=True)
    event_end = models.DateField("event ends", null=True, blank=True)
    venue = models.CharField(
        max_length=255, blank=True, help_text='Where it took place, e.g. "Mae Sot, Thailand" or '
        '"Online".'
    )  # fmt: skip

    seo_title = models.CharField(
        "SEO title", max_length=70, blank=True,
        help_text="Title for search engines and social media; leave empty to use the title.",
    )  # fmt: skip
    seo_description = models.CharField(
        "SEO description", max_length=160, blank=True,
        help_text="Up to 160 characters for search results; leave empty to use the standfirst.",
    )  # fmt: skip

    class Meta(Publishable.Meta):
        ordering = ["-publish_at", "-pk"]
        permissions = [("publish_article", "Can publish, schedule and unpublish articles")]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["-publish_at"], name="article_newest"),
            models.Index(fields=["featured", "-publish_at"], name="article_featured"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            dates_in_order(
                "event_start",
                "event_end",
                name="article_event_end_after_start",
                message="The event cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.hero_image and not (self.hero_alt or self.hero_decorative):
            raise ValidationError(
                {"hero_alt": "Describe the image, or tick \u201chero image is decorative\u201d."}
            )
