"""RSS 2.0 and Atom feeds: all news, and the news of one department, theme, program, country
or tag.

Every feed lists live articles only (`Article.objects.live()`), newest first, with absolute
links (django.contrib.syndication adds the request's scheme and host), the standfirst as the
description and the tags as categories. Each feed runs a fixed number of queries: the object
(when there is one), the articles, and one prefetch for their tags.
"""

import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from mi_site.core.times import to_the_second
from news.models import Article

ITEMS_PER_FEED = 20
PUBLISHER = "Mekong Institute"
# Control characters XML 1.0 cannot carry: one pasted into a title would make the feed fail.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return NOT_IN_XML.sub(" ", text)


class NewsFeed(Feed):
    """All live news, newest first."""

    feed_type = Rss201rev2Feed
    title = f"{PUBLISHER} news"
    description = "News from the Mekong Institute and its programs in the Greater Mekong Subregion."
    author_name = PUBLISHER
    language = settings.LANGUAGE_CODE

    def link(self, obj=None):
        return obj.get_absolute_url() if obj is not None else reverse("news:article-list")

    def articles(self, obj):
        """The live articles this feed is about; per-object feeds narrow it down."""
        return Article.objects.live()

    def items(self, obj=None):
        # Filtering by one object never repeats an article (the link tables are unique per
        # pair), so no DISTINCT is needed.
        articles = self.articles(obj).prefetch_related("tags")
        return articles.order_by("-publish_at", "-pk")[:ITEMS_PER_FEED]

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        # RSS <description> and Atom <summary type="html"> carry HTML: readers decode the XML
        # and render what is left as markup. The standfirst is plain text, so it is escaped
        # once more and reaches the reader as text, whatever an editor typed.
        return escape(xml_text(item.standfirst))

    def item_pubdate(self, item):
        return to_the_second(item.publish_at)

    def item_updateddate(self, item):
        # A scheduled article was last saved before it went live: it changed when it went live.
        return to_the_second(max(item.updated_at, item.publish_at))

    def item_author_name(self, item):
        return PUBLISHER

    def item_categories(self, item):
        return [xml_text(tag.name) for tag in item.tags.all()]


class HubNewsFeed(NewsFeed):
    """The live news of one hub (news/hubs.py), found by its slug among the hub's public rows:
    an unknown slug, a draft program or a tag used only by drafts is a 404."""

    hub = None

    def get_object(self, request, slug):
        return get_object_or_404(self.hub.public(), slug=slug)

    def link(self, obj=None):
        return self.hub.path(obj)

    def title(self, obj):
        return xml_text(f"{PUBLISHER} news: {obj}")

    def description(self, obj):
        return xml_text(f"News from the Mekong Institute about {obj}.")

    def articles(self, obj):
        return Article.objects.live().about(obj)


def hub_feed(hub):
    """The RSS feed class of one hub."""
    return type(f"{hub.model.__name__}NewsFeed", (HubNewsFeed,), {"hub": hub})


def atom(feed_class):
    """The Atom twin of an RSS feed class: same items, Atom's format."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
