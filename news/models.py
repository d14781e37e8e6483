"""What MI reports: news articles."""

from django.db import models
from django.db.models import Exists, OuterRef
from taggit.managers import TaggableManager
from taggit.models import Tag

from documents.models import Document
from images.blocks import HeroImage
from images.richtext import check_content_images
from mi_site.core import eventdates, redirects, revisions
from mi_site.core.constraints import dates_in_order
from mi_site.core.eventdates import Precision
from mi_site.core.paths import slug_path
from mi_site.core.publishing import Publishable, PublishableQuerySet
from mi_site.core.richtext import SanitizedHTMLField
from mi_site.core.searchable import Searchable
from mi_site.core.slugs import AutoSlugMixin
from people.models import Person
from programs.models import Country, Department, Partner, Program, Theme

from . import hubs, related


def live_tags():
    """Tags that some live article carries: a tag used only by a draft stays unknown.

    A semi-join per tag (EXISTS), so looking up one tag probes that tag's articles only,
    never the list of every live article's tags.
    """
    return Tag.objects.filter(Exists(Article.objects.live().filter(tags=OuterRef("pk"))))


class ArticleQuerySet(PublishableQuerySet):
    def for_cards(self):
        """With what an article card shows beside the title: its label and its picture."""
        return self.select_related("department", "hero_image")

    def about(self, hub, *, model=None):
        """Articles linked to `hub`: a department (the label above the title), theme, country,
        program, tag or partner (news/hubs.py). Pass `model` when `hub` is an expression such
        as `OuterRef("pk")`."""
        return self.filter(hubs.BY_MODEL[model or type(hub)].condition(hub))

    def related_to(self, article, *, limit: int | None = None) -> list:
        """Other live articles ranked by what they share with `article`, best first, as a
        list (news.related)."""
        return related.related_to(self, article, limit=limit)


class Article(AutoSlugMixin, Searchable, Publishable, HeroImage):
    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=200, unique=True, blank=True,
        help_text="The address of the article. Leave empty to make one from the title.",
    )  # fmt: skip
    standfirst = models.TextField(
        blank=True, help_text="The summary under the title; also used in lists and feeds."
    )
    body = SanitizedHTMLField(blank=True)

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
    partners = models.ManyToManyField(
        Partner, through="ArticlePartner", blank=True, related_name="articles"
    )
    documents = models.ManyToManyField(
        Document, blank=True, related_name="+",
        help_text="Reports, briefs or proceedings (PDF) listed on the article.",
    )  # fmt: skip
    tags = TaggableManager(blank=True)
    featured = models.BooleanField(
        default=False, help_text="Show on the home page as the featured story."
    )
    wordpress_id = models.PositiveIntegerField(
        "WordPress post id", null=True, blank=True, unique=True, editable=False,
        help_text="The post's id on the old WordPress site, when it was imported from there: "
        "a new import updates this item instead of adding another.",
    )  # fmt: skip

    objects = ArticleQuerySet.as_manager()

    search_fields = {
        "A": ("title",),
        "B": ("standfirst",),
        "C": ("body", "venue", "hero_caption"),
    }
    search_select_related = ("department",)
    search_prefetch_related = ("extra_departments", "countries", "themes", "tags")

    event_start = models.DateField("event starts", null=True, blank=True)
    event_end = models.DateField(
        "event ends", null=True, blank=True, help_text="Either date may be left empty."
    )
    event_precision = models.CharField(
        "dates given to the", max_length=8, choices=Precision.choices, default=Precision.DAY,
        help_text="For \u201cJuly 2018\u201d choose Month, for \u201c2014\u201d Year, and "
        "enter any day in it.",
    )  # fmt: skip
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
            # Newest live news first, read from the index alone (`include`, PostgreSQL): pages
            # of the news list, however deep, and of a department's news, related news too.
            models.Index(
                fields=["status", "-publish_at", "-id"],
                include=["expire_at"],
                name="article_live_newest",
            ),
            models.Index(
                fields=["department", "-publish_at", "-id"],
                include=["status", "expire_at"],
                name="article_department_newest",
            ),
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
        return slug_path("news:article-detail", self.slug)

    def search_names(self) -> list[str]:
        names = [self.department.name] if self.department else []
        names += [d.name for d in self.extra_departments.all()]
        names += [c.name for c in self.countries.all()] + [t.name for t in self.themes.all()]
        return names + [tag.name for tag in self.tags.all()]

    @property
    def event_dates(self) -> str:
        """The event's dates in words: "23\u201329 October 2023", "July 2018", "ended 2014"."""
        return eventdates.describe(self.event_start, self.event_end, self.event_precision)

    def save(self, *args, **kwargs):
        self.event_start = eventdates.normalise(self.event_start, self.event_precision)
        self.event_end = eventdates.normalise(self.event_end, self.event_precision)
        super().save(*args, **kwargs)

    def clean(self):
        self.event_start = eventdates.normalise(self.event_start, self.event_precision)
        self.event_end = eventdates.normalise(self.event_end, self.event_precision)
        super().clean()
        check_content_images(self)


class ArticlePartner(models.Model):
    """A partner's part in the story: who funded it, who organised it with MI."""

    class Role(models.TextChoices):
        FUNDER = "funder", "Funder"
        CO_ORGANISER = "co-organiser", "Co-organiser"
        IMPLEMENTING = "implementing", "Implementing partner"
        OTHER = "other", "Other"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="partner_roles")
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="article_roles")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.FUNDER)

    class Meta:
        ordering = ["role", "partner__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "partner", "role"], name="article_partner_role_unique"
            )
        ]

    def __str__(self):
        return f"{self.partner} \u2014 {self.get_role_display()} of {self.article}"


revisions.register_link(ArticlePartner)
revisions.register(Article, links=("partner_roles",))
redirects.follow_moves(Article, view_name="news:article-detail")
