"""Standalone pages (About, Governance, Contact, ...) at their own paths, and the main menu and
footer that site staff edit in the admin.

A page's address is the chain of its and its ancestors' slugs (`about/governance`). It is
stored in `url_path`, refreshed on every save of the page and of its descendants when an
ancestor's slug or parent changes, so that serving a page is one indexed lookup, never a walk
up the tree.
"""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Max, Q
from django.db.models.functions import Length
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from documents.models import Document
from images.blocks import HeroImage
from images.richtext import content_image_errors
from mi_site.core import redirects, revisions
from mi_site.core.publishing import Publishable
from mi_site.core.richtext import SanitizedHTMLField
from mi_site.core.searchable import Searchable
from mi_site.core.slugs import slug_from

# The site's own top-level addresses: a top-level page may not take one of them. The URLconf
# is checked against this list by tests/pages/test_page_model.py, so a new top-level route
# that is missing here fails the build.
RESERVED_SLUGS = frozenset({
    "news", "people", "programs", "departments", "countries", "themes", "tags", "feeds",
    "admin", "editor", "share", "partners", "search", "media", "static", "robots.txt",
    "healthz",
})  # fmt: skip
RESERVED_PREFIXES = ("sitemap",)  # sitemap.xml, sitemap-news.xml, ...
PATH_MAX_LENGTH = 500


def is_reserved(slug: str) -> bool:
    slug = slug.lower()
    return slug in RESERVED_SLUGS or slug.startswith(RESERVED_PREFIXES)


def path_of(parent_path: str | None, slug: str) -> str:
    return f"{parent_path}/{slug}" if parent_path else slug


class Page(Searchable, Publishable, HeroImage):
    title = models.CharField(max_length=255)
    slug = models.SlugField(
        max_length=100, blank=True,
        help_text="The last part of the page's address. Leave empty to make one from the title. "
        "Pages under the same parent need different slugs.",
    )  # fmt: skip
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children",
        help_text="The page this one sits under: Governance under About gives "
        "/about/governance/. Leave empty for a top-level page.",
    )  # fmt: skip
    documents = models.ManyToManyField(
        Document, blank=True, related_name="+",
        help_text="Reports, briefs or forms to download from this page.",
    )  # fmt: skip
    url_path = models.CharField(
        "address", max_length=PATH_MAX_LENGTH, unique=True, editable=False,
        help_text="Made from the slugs of the page and the pages above it.",
    )  # fmt: skip
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Orders the pages under the same parent: lower numbers come first."
    )
    standfirst = models.TextField(
        blank=True, help_text="The summary under the title; also shown where the page is listed."
    )
    body = SanitizedHTMLField(blank=True)

    seo_title = models.CharField(
        "SEO title", max_length=70, blank=True,
        help_text="Title for search engines and social media; leave empty to use the title.",
    )  # fmt: skip
    seo_description = models.CharField(
        "SEO description", max_length=160, blank=True,
        help_text="Up to 160 characters for search results; leave empty to use the standfirst.",
    )  # fmt: skip
    wordpress_id = models.PositiveIntegerField(
        "WordPress post id", null=True, blank=True, unique=True, editable=False,
        help_text="The post's id on the old WordPress site, when it was imported from there: "
        "a new import updates this item instead of adding another.",
    )  # fmt: skip

    search_fields = {"A": ("title",), "B": ("standfirst",), "C": ("body",)}

    class Meta(Publishable.Meta):
        ordering = ["sort_order", "title"]
        permissions = [("publish_page", "Can publish, schedule and unpublish pages")]
        indexes = [
            *Publishable.Meta.indexes,
            models.Index(fields=["parent", "sort_order", "title"], name="page_children"),
        ]
        constraints = [
            *Publishable.Meta.constraints,
            models.UniqueConstraint(
                fields=["parent", "slug"],
                name="page_slug_unique_among_siblings",
                violation_error_message="Another page under the same parent has this slug.",
            ),
            # NULLs are distinct in a unique constraint: top-level pages need one of their own.
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(parent__isnull=True),
                name="page_top_level_slug_unique",
                violation_error_message="Another top-level page has this slug.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("site:page-detail", kwargs={"url_path": self.url_path})

    # Addresses ---------------------------------------------------------------------------

    def siblings(self):
        others = Page.objects.filter(parent=self.parent_id)
        return others.exclude(pk=self.pk) if self.pk else others

    def free_slug(self) -> str:
        """A slug made from the title that no sibling uses and no site address takes."""
        base = slug_from(self.title, fallback="page", max_length=90)
        if self.parent_id is None and is_reserved(base):
            base = f"page-{base}"
        taken = set(self.siblings().filter(slug__startswith=base).values_list("slug", flat=True))
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def ancestor_paths(self) -> list[str]:
        """The addresses of the pages above this one, top first: `about` for
        `about/governance`. Read from `url_path`, so finding the ancestors is one query."""
        parts = self.url_path.split("/")
        return ["/".join(parts[:n]) for n in range(1, len(parts))]

    def creates_cycle(self) -> bool:
        """Whether the chosen parent is this page or one of the pages under it."""
        if self.pk is None or self.parent_id is None:
            return False
        seen, node = set(), self.parent
        while node is not None and node.pk not in seen:
            if node.pk == self.pk:
                return True
            seen.add(node.pk)
            node = node.parent
        return node is not None  # a loop above us that does not pass through this page

    def computed_path(self) -> str:
        parent_path = self.parent.url_path if self.parent_id else None
        return path_of(parent_path, self.slug)

    def longest_descendant_suffix(self) -> int:
        """How many characters the deepest page below this one adds to its address."""
        if self.pk is None:
            return 0
        stored = Page.objects.filter(pk=self.pk).values_list("url_path", flat=True).first()
        if not stored:
            return 0
        below = Page.objects.filter(url_path__startswith=f"{stored}/")
        longest = below.aggregate(longest=Max(Length("url_path")))["longest"]
        return longest - len(stored) if longest else 0

    def clean(self):
        super().clean()
        errors = content_image_errors(self)
        if self.creates_cycle():
            errors["parent"] = (
                "A page cannot sit under itself or under one of its own sub-pages. "
                "Choose another parent."
            )
        elif self.title or self.slug:
            if not self.slug:
                self.slug = self.free_slug()
            errors.update(self._slug_errors())
        if errors:
            raise ValidationError(errors)

    def _slug_errors(self) -> dict:
        if self.parent_id is None and is_reserved(self.slug):
            return {
                "slug": f"\u201c{self.slug}\u201d is one of the site's own addresses "
                f"(/{self.slug.lower()}/\u2026). Choose another slug, or put the page under a "
                "parent page."
            }
        if self.siblings().filter(slug=self.slug).exists():
            where = f"under \u201c{self.parent}\u201d" if self.parent_id else "at the top level"
            return {"slug": f"Another page {where} already uses the slug \u201c{self.slug}\u201d."}
        length = len(self.computed_path()) + self.longest_descendant_suffix()
        if length > PATH_MAX_LENGTH:
            return {
                "slug": f"The address would be {length} characters long (at most "
                f"{PATH_MAX_LENGTH}, the pages below included). Choose a shorter slug."
            }
        return {}

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        if self.creates_cycle():
            raise ValueError(f"{self} cannot sit under itself or one of its own sub-pages.")
        self.url_path = self.computed_path()
        super().save(*args, **kwargs)
        refresh_paths_below(self)


def refresh_paths_below(page: Page) -> None:
    """Give every page below `page` the address made from its ancestors' slugs: one query per
    level of the tree, and one update for the pages whose address changed."""
    parents, changed, seen, old = {page.pk: page.url_path}, [], {page.pk}, {}
    while parents:
        children = Page.objects.filter(parent__in=parents).only("parent", "slug", "url_path")
        level = {}
        for child in children:
            if child.pk in seen:
                raise ValueError("The pages form a loop: a page sits under itself.")
            seen.add(child.pk)
            path = path_of(parents[child.parent_id], child.slug)
            if child.url_path != path:
                old[child.pk] = child.get_absolute_url()
                child.url_path = path
                changed.append(child)
            level[child.pk] = path
        parents = level
    # Deepest first is not needed: every new address is unique once all are written, and
    # a child's new address never equals another page's old one (sibling slugs differ).
    Page.objects.bulk_update(changed, ["url_path"])
    # A public page moved with its parent: its old address answers with a redirect.
    public = set(Page.objects.reachable().filter(pk__in=old).values_list("pk", flat=True))
    for child in changed:
        was = old[child.pk] if child.pk in public else None
        redirects.moved(child, was, child.get_absolute_url())


@receiver(post_save, sender=Page, dispatch_uid="pages_paths_after_raw_save")
def _paths_after_raw_save(sender, instance, raw, **kwargs):
    """Restoring or approving a version writes the row with `save_base(raw=True)`, which skips
    `save()`: the stored address is made again from the parent, and the pages below follow.
    (`url_path` is a cache of the slugs, which is what a signal is for.)"""
    if not raw:
        return
    parent = Page.objects.filter(pk=instance.parent_id).first() if instance.parent_id else None
    if instance.parent_id and parent is None:
        return  # loaddata: the parent's row comes later, and brings its own address
    path = path_of(parent.url_path if parent else None, instance.slug)
    if path != instance.url_path:
        Page.objects.filter(pk=instance.pk).update(url_path=path)
        instance.url_path = path
    refresh_paths_below(instance)


revisions.register(Page)
redirects.follow_moves(Page, view_name="site:page-detail", field="url_path")


# Main menu and footer -------------------------------------------------------------------


def validate_link(value: str) -> None:
    """A path on this site (`/news/`) or a web address (`https://...`)."""
    if value.startswith("/") and not value.startswith("//"):
        if any(char.isspace() for char in value):
            raise ValidationError("An address on this site cannot contain spaces.")
        return
    URLValidator(
        schemes=["http", "https"],
        message="Enter an address on this site starting with / (e.g. /news/) or a full web "
        "address starting with https://.",
    )(value)


class MenuItem(models.Model):
    """One link of the main menu: to a page (shown only while the page is live) or to any
    address of the site or the web."""

    label = models.CharField(max_length=60, help_text="The text of the link, short.")
    page = models.ForeignKey(
        Page, on_delete=models.PROTECT, null=True, blank=True, related_name="menu_items",
        help_text="A page of the site. The link shows only while the page is live.",
    )  # fmt: skip
    url = models.CharField(
        "address", max_length=500, blank=True, validators=[validate_link],
        help_text="Or an address instead of a page: /news/, /programs/ or https://\u2026",
    )  # fmt: skip
    sort_order = models.PositiveIntegerField(
        default=0, help_text="Lower numbers come first, from the left."
    )

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "main menu item"
        constraints = [
            models.CheckConstraint(
                condition=(Q(page__isnull=False) & Q(url="")) | (Q(page__isnull=True) & ~Q(url="")),
                name="menuitem_page_or_address",
                # Checked by the admin's form too, unless the address itself was refused.
                violation_error_message="Choose a page or type an address: exactly one of the two.",
            )
        ]

    def __str__(self):
        return self.label

    @property
    def href(self) -> str:
        return self.page.get_absolute_url() if self.page_id else self.url


class SiteFooter(models.Model):
    """The footer of every page: there is one, made the first time it is saved."""

    SINGLETON_ID = 1

    about = models.TextField(
        blank=True, help_text="One or two sentences about MI. Leave empty for the standard text."
    )
    address = models.TextField(blank=True, help_text="The postal address, one line per line.")
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "site footer"
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="sitefooter_singleton"),
        ]

    def __str__(self):
        return "Site footer"

    def save(self, *args, **kwargs):
        self.pk = self.SINGLETON_ID
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("site:home")


class SocialLink(models.Model):
    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X (Twitter)"
        LINKEDIN = "linkedin", "LinkedIn"
        YOUTUBE = "youtube", "YouTube"
        INSTAGRAM = "instagram", "Instagram"
        FLICKR = "flickr", "Flickr"
        WECHAT = "wechat", "WeChat"
        LINE = "line", "LINE"
        OTHER = "other", "Other"

    footer = models.ForeignKey(SiteFooter, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(max_length=16, choices=Network.choices)
    url = models.URLField("address", max_length=500)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "social media link"

    def __str__(self):
        return self.get_network_display()
