"""News articles: the seed article, fictional news from 2017 to 2026, and one per hidden state."""

from datetime import datetime, timedelta

from mi_site.core.publishing import Status
from mi_site.core.slugs import slug_from
from mi_site.core.sync import Writer
from news.models import Article, ArticlePartner

from .. import images
from ..refs import Refs
from ..values import BANGKOK, at, day
from . import early, middle, recent, unpublished
from .seed import SEED_ARTICLE

ARTICLES = [*early.ARTICLES, SEED_ARTICLE, *middle.ARTICLES, *recent.ARTICLES,
            *unpublished.ARTICLES]  # fmt: skip
DEFAULT_CREDIT = "Mekong Institute"


def load_articles(writer: Writer, refs: Refs, now: datetime) -> None:
    for data in ARTICLES:
        article = _save_article(writer, refs, data, now)
        for acronym, role in data.get("partners", []):
            ArticlePartner.objects.get_or_create(
                article=article, partner=refs.partners[acronym], role=role
            )


def _save_article(writer: Writer, refs: Refs, data: dict, now: datetime) -> Article:
    slug = slug_from(data["title"], fallback="article", max_length=194)
    department = refs.departments[data["department"]] if data["department"] else None
    hero = data.get("hero")
    pictures = {}
    if hero:
        colours = refs.colours(department)
        pictures["hero_image"] = lambda: images.hero(slug, colours, refs.sizes.hero)
    event = data.get("event") or (None, None)
    return writer.save(
        Article,
        {"slug": slug},
        {
            "title": data["title"],
            "standfirst": data["standfirst"],
            "body": data["body"],
            "department": department,
            "hero_alt": hero["alt"] if hero else "",
            "hero_caption": hero.get("caption", "") if hero else "",
            "hero_credit": hero.get("credit", DEFAULT_CREDIT) if hero else "",
            "featured": data.get("featured", False),
            "event_start": day(event[0]) if event[0] else None,
            "event_end": day(event[1]) if event[1] else None,
            "event_precision": data.get("event_precision", "day"),
            "venue": data.get("venue", ""),
            **_publishing(data, slug, now),
        },
        images=pictures,
        m2m={
            "extra_departments": [refs.departments[k] for k in data.get("extra_departments", [])],
            "themes": [refs.themes[name] for name in data["themes"]],
            "programs": [refs.programs[key] for key in data["programs"]],
            "countries": refs.countries_for(data["countries"]),
            "people": [refs.people[key] for key in data["people"]],
            "documents": [refs.documents[key] for key in data.get("documents", [])],
        },
        tags=data["tags"],
    )


def _publishing(data: dict, slug: str, now: datetime) -> dict:
    """Status and times; a scheduled article stays scheduled without moving on every run."""
    status = data.get("status", Status.PUBLISHED)
    if "schedule_in_days" not in data:
        published = data.get("published")
        expires = data.get("expires")
        return {
            "status": status,
            "publish_at": at(published) if published else None,
            "expire_at": at(expires) if expires else None,
        }
    stored = Article.objects.filter(slug=slug).values_list("publish_at", flat=True).first()
    if stored is None or stored <= now:
        ahead = now.astimezone(BANGKOK) + timedelta(days=data["schedule_in_days"])
        stored = ahead.replace(hour=9, minute=0, second=0, microsecond=0)
    return {"status": status, "publish_at": stored, "expire_at": None}
