"""News: the demo's articles cloned over ten years, most live, a few in every other state."""

from datetime import datetime, timedelta

from mi_site.core.publishing import Status
from news.models import Article, ArticlePartner

from .stock import BATCH, Links, Stock, backdate, numbered
from .tags import tag_articles

FEATURED_SHARE = 0.002
PROGRAM_SHARE, TWO_PROGRAMS_SHARE = 0.7, 0.1
PEOPLE_SHARE = 0.4
ALL_COUNTRIES_SHARE = 0.25
EXTRA_DEPARTMENT_SHARE = 0.05
# Stories that name a funder; some of them a co-organiser too (the same partner, at times).
PARTNER_SHARE, CO_ORGANISER_SHARE = 0.3, 0.3
# Cumulative shares of the states that are not live: (share so far, state).
HIDDEN = [(0.02, "draft"), (0.03, "review"), (0.04, "scheduled"), (0.045, "expired"),
          (0.05, "archived")]  # fmt: skip


def add_articles(stock: Stock, count: int) -> None:
    """Add `count` articles in batches: each batch is inserted, then its links."""
    first = Article.objects.count() + 1
    stock.progress.start("articles", max(count, 0))
    for start in range(first, first + count, BATCH):
        numbers = range(start, min(start + BATCH, first + count))
        articles = Article.objects.bulk_create([_article(stock, n) for n in numbers])
        links = Links()
        for article in articles:
            _link(stock, article, links)
        tag_articles(stock, articles, links)
        links.save()
        backdate(Article.objects.filter(pk__in=[a.pk for a in articles]), stock.now)
        stock.progress.advance(len(articles))
    stock.progress.finish()


def _publishing(stock: Stock) -> dict:
    roll = stock.rng.random()
    state = next((name for share, name in HIDDEN if roll < share), "live")
    if state in ("draft", "review"):
        return {"status": state, "publish_at": None}
    if state == "scheduled":
        ahead = timedelta(hours=stock.rng.randint(1, 60 * 24))
        return {"status": Status.PUBLISHED, "publish_at": stock.now + ahead}
    published = stock.past()
    times = {"status": Status.PUBLISHED, "publish_at": published}
    if state == "expired":
        times["expire_at"] = published + (stock.now - published) * stock.rng.uniform(0.1, 0.9)
    elif state == "archived":
        times["status"] = Status.ARCHIVED
    return times


def _event(template: Article, published: datetime) -> dict:
    """An event a few days before the news of it, as long as the template's event."""
    if not template.event_start:
        return {}
    end = published.date() - timedelta(days=2)
    length = (template.event_end or template.event_start) - template.event_start
    return {"event_start": end - length, "event_end": end if template.event_end else None}


def _article(stock: Stock, number: int) -> Article:
    template = stock.rng.choice(stock.article_templates)
    times = _publishing(stock)
    live = times["status"] == Status.PUBLISHED and times["publish_at"] < stock.now
    return Article(
        title=template.title,
        slug=numbered(template.slug, number),
        standfirst=template.standfirst,
        body=template.body,
        hero_image_id=template.hero_image_id,
        hero_alt=template.hero_alt,
        hero_decorative=template.hero_decorative,
        hero_caption=template.hero_caption,
        hero_credit=template.hero_credit,
        department=stock.department(),
        featured=live and stock.rng.random() < FEATURED_SHARE,
        venue=template.venue,
        **_event(template, times["publish_at"] or stock.past()),
        **times,
    )


def _link(stock: Stock, article: Article, links: Links) -> None:
    rng = stock.rng
    links.m2m(article, "themes", stock.some(stock.themes, 2))
    everywhere = rng.random() < ALL_COUNTRIES_SHARE
    links.m2m(
        article, "countries", stock.countries if everywhere else stock.some(stock.countries, 2)
    )
    if rng.random() < PROGRAM_SHARE:
        programs = stock.of_department(stock.programs, article.department)
        many = 2 if rng.random() < TWO_PROGRAMS_SHARE else 1
        links.m2m(article, "programs", stock.some(programs, many, least=many))
    if rng.random() < PEOPLE_SHARE:
        links.m2m(
            article, "people", stock.some(stock.of_department(stock.people, article.department), 2)
        )
    if rng.random() < PARTNER_SHARE:
        funder = stock.some(stock.partners, 1, least=1)[0]
        links.add(ArticlePartner(article=article, partner=funder, role=ArticlePartner.Role.FUNDER))
        if rng.random() < CO_ORGANISER_SHARE:
            role = ArticlePartner.Role.CO_ORGANISER
            organiser = stock.some(stock.partners, 1, least=1)[0]
            links.add(ArticlePartner(article=article, partner=organiser, role=role))
    if rng.random() < EXTRA_DEPARTMENT_SHARE:
        others = [d for d in stock.departments if d != article.department]
        links.m2m(article, "extra_departments", stock.some(others, 1))
