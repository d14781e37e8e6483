"""Feed addresses: `feeds:news-rss`, `feeds:news-atom`, and `feeds:<kind>-rss|atom` (slug)."""

from django.urls import path

from . import feeds

app_name = "feeds"

PER_OBJECT = {
    "department": ("departments", feeds.DepartmentNewsFeed),
    "theme": ("themes", feeds.ThemeNewsFeed),
    "program": ("programs", feeds.ProgramNewsFeed),
    "country": ("countries", feeds.CountryNewsFeed),
    "tag": ("tags", feeds.TagNewsFeed),
}

urlpatterns = [
    path("news/rss/", feeds.NewsFeed(), name="news-rss"),
    path("news/atom/", feeds.atom(feeds.NewsFeed)(), name="news-atom"),
]
for kind, (prefix, feed_class) in PER_OBJECT.items():
    urlpatterns += [
        path(f"{prefix}/<slug:slug>/rss/", feed_class(), name=f"{kind}-rss"),
        path(f"{prefix}/<slug:slug>/atom/", feeds.atom(feed_class)(), name=f"{kind}-atom"),
    ]
