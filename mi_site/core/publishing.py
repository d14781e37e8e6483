"""The one rule that decides what the public sees.

An item is live when it is published, its publish time has passed and its expiry (if any) is
still ahead. `live_q()` states the rule once for the database and `is_live_at()` the same rule
in Python; `PublishableQuerySet.live()` and `Publishable.is_live` are built from them. Nothing
else may re-implement the rule: scheduled items go live by themselves when their time comes,
with no cron and no stored "is live" flag.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Max, Min, Q
from django.utils import timezone

from .constraints import dates_in_order
from .times import to_the_second


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    PUBLISHED = "published", "Published"
    ARCHIVED = "archived", "Archived"


class State(models.TextChoices):
    """What an editor sees at a glance: the status combined with the publishing times."""

    DRAFT = "draft", "Draft"
    REVIEW = "review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"
    EXPIRED = "expired", "Expired"
    ARCHIVED = "archived", "Archived"


def live_q(now: datetime | None = None) -> Q:
    now = now or timezone.now()
    return Q(status=Status.PUBLISHED, publish_at__lte=now) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


def reachable_q(now: datetime | None = None) -> Q:
    """Live items plus archived ones: an archived item keeps its address (with a notice) but
    leaves every list, feed and sitemap, which ask `live_q()` alone."""
    return live_q(now) | Q(status=Status.ARCHIVED)


def state_q(state: str, now: datetime | None = None) -> Q:
    """The rows in one editorial state; `State.LIVE` is exactly `live_q()`."""
    now = now or timezone.now()
    published = Q(status=Status.PUBLISHED)
    expired = published & Q(expire_at__lte=now)
    return {
        State.LIVE: live_q(now),
        State.SCHEDULED: published & Q(publish_at__gt=now) & ~expired,
        State.EXPIRED: expired,
    }.get(state, Q(status=state))


def is_live_at(item, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        item.status == Status.PUBLISHED
        and item.publish_at is not None
        and item.publish_at <= now
        and (item.expire_at is None or item.expire_at > now)
    )


def is_reachable_at(item, now: datetime | None = None) -> bool:
    """`reachable_q()` in Python: live, or archived (the page stays, with its notice)."""
    return item.status == Status.ARCHIVED or is_live_at(item, now)


def state_at(item, now: datetime | None = None) -> State:
    now = now or timezone.now()
    if item.status != Status.PUBLISHED:
        return State(item.status)
    if is_live_at(item, now):
        return State.LIVE
    if item.expire_at is not None and item.expire_at <= now:
        return State.EXPIRED
    return State.SCHEDULED


def compiled_where(queryset) -> tuple[str, list]:
    """The WHERE clause of `queryset` as SQL and parameters, for the few statements written by
    hand: they paste in `.live()` compiled, so the rule is never restated. Columns are named
    after the model's table, so the statement must read that table without an alias."""
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    sql, params = query.where.as_sql(compiler, compiler.connection)
    return sql, list(params)


class PublishableQuerySet(models.QuerySet):
    def live(self, now: datetime | None = None):
        return self.filter(live_q(now))

    def reachable(self, now: datetime | None = None):
        """For detail pages only: live or archived."""
        return self.filter(reachable_q(now))

    def live_years(self) -> list[int]:
        """The years (in the site's time zone) with live items, newest first.

        Not the distinct years of every live row, which reads them all: the first and last
        publish times (index lookups), then one EXISTS per year between them, all in one
        statement written out here because the ORM took longer to build twenty EXISTS
        than the database took to answer them.
        """
        live = self.live()
        span = live.aggregate(first=Min("publish_at"), last=Max("publish_at"))
        if span["first"] is None:
            return []
        first, last = (timezone.localtime(moment).year for moment in span.values())
        years = list(range(last, first - 1, -1))
        connection = connections[self.db]
        quote = connection.ops.quote_name
        table = quote(self.model._meta.db_table)
        column = f"{table}.{quote(self.model._meta.get_field('publish_at').column)}"
        where, params = compiled_where(live)
        # Names quoted from the model's metadata; every value is a parameter.
        in_year = (
            f"EXISTS (SELECT 1 FROM {table} WHERE {where} AND {column} >= %s AND {column} < %s)"  # noqa: S608
        )
        sql = "SELECT " + ", ".join([in_year] * len(years))
        args = [arg for year in years for arg in (*params, new_year(year), new_year(year + 1))]
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            found = cursor.fetchone()
        return [year for year, has_items in zip(years, found, strict=True) if has_items]


def new_year(year: int) -> datetime:
    """Midnight on 1 January of `year` in the site's time zone."""
    return timezone.make_aware(datetime(year, 1, 1))


class Publishable(models.Model):
    """Abstract base for everything the public reads: status plus publish and expiry times."""

    status = models.CharField(
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Only published items can be seen by the public, and only between the "
        "publish time and the expiry time.",
    )
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text="When the item goes live. Leave empty to publish now; a future time "
        "schedules it.",
    )
    expire_at = models.DateTimeField(
        "expiry time",
        null=True,
        blank=True,
        help_text="Optional: when the item leaves the public site again.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        indexes = [
            models.Index(
                fields=["status", "publish_at", "expire_at"],
                name="%(app_label)s_%(class)s_live",
            ),
            # The newest change (sitemap lastmod) without reading every row.
            models.Index(fields=["-updated_at"], name="%(app_label)s_%(class)s_saved"),
        ]
        constraints = [
            # "Published" with no publish time would be scheduled for ever: `save()` stamps
            # the time, and this keeps `update()`, raw SQL and imports from skipping it.
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(publish_at__isnull=False),
                name="%(app_label)s_%(class)s_published_has_time",
                violation_error_message="A published item needs a publish time.",
            ),
            dates_in_order(
                "publish_at",
                "expire_at",
                strict=True,
                name="%(app_label)s_%(class)s_expiry_after_publish",
                message="The expiry time must be after the publish time.",
            ),
        ]

    def save(self, *args, **kwargs):
        # "Published" with no time means "now": the item becomes live on this save. Whole
        # seconds, as every time the public sees is given (mi_site/core/times.py).
        if self.status == Status.PUBLISHED and self.publish_at is None:
            self.publish_at = to_the_second(timezone.now())
        super().save(*args, **kwargs)

    @property
    def is_live(self) -> bool:
        return is_live_at(self)

    @property
    def state(self) -> State:
        return state_at(self)

    def clean(self):
        super().clean()
        if self.expire_at and self.publish_at and self.expire_at <= self.publish_at:
            raise ValidationError({"expire_at": "The expiry time must be after the publish time."})
