"""Feed addresses: `feeds:news-rss`, `feeds:news-atom`, and `feeds:<kind>-rss|atom` (slug)."""

from django.urls import path

from news.hubs import HUBS

from . import feeds

app_name = "feeds"

urlpatterns = [
    path("news/rss/", feeds.NewsFeed(), name="news-rss"),
    path("news/atom/", feeds.atom(feeds.NewsFeed)(), name="news-atom"),
]
for hub in HUBS:
    feed_class = feeds.hub_feed(hub)
    urlpatterns += [
        path(f"{hub.plural}/<slug:slug>/rss/", feed_class(), name=f"{hub.kind}-rss"),
        path(f"{hub.plural}/<slug:slug>/atom/", feeds.atom(feed_class)(), name=f"{hub.kind}-atom"),
    ]
