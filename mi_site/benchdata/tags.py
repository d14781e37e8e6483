"""Tags: a few hundred, in English and in the region's scripts, used unevenly as real tags are."""

from itertools import accumulate

from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from .names import tag_names
from .stock import Links, Stock

TAGGED_SHARE = 0.25  # a quarter of the articles carry tags
MOST_TAGS = 4
# Tag use falls off like word use: the n-th most used tag is used about 1/n^0.9 as often.
ZIPF_EXPONENT = 0.9


def add_tags(stock: Stock) -> None:
    """Create the pool's tags that do not exist yet, and rank every tag by how much it is used.

    Tags are created one at a time through `Tag.objects.create()`, as an editor's form would,
    so whatever gives a new tag its slug (taggit, or the project's signal) runs for each.
    """
    names = tag_names()
    stock.progress.start("tags", len(names))
    known = {name.lower() for name in Tag.objects.values_list("name", flat=True)}
    for name in names:
        if name.lower() not in known:
            Tag.objects.create(name=name)
            known.add(name.lower())
        stock.progress.advance()
    stock.progress.finish()
    stock.tags = list(Tag.objects.order_by("pk"))
    stock.rng.shuffle(stock.tags)
    weights = (1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(stock.tags)))
    stock.tag_cum_weights = list(accumulate(weights))


def tag_articles(stock: Stock, articles, links: Links) -> None:
    content_type = ContentType.objects.get_for_model(articles[0]) if articles else None
    for article in articles:
        if stock.rng.random() >= TAGGED_SHARE:
            continue
        drawn = stock.rng.choices(
            stock.tags, cum_weights=stock.tag_cum_weights, k=stock.rng.randint(1, MOST_TAGS)
        )
        for tag in {tag.pk: tag for tag in drawn}.values():
            links.add(TaggedItem(tag=tag, content_type=content_type, object_id=article.pk))
