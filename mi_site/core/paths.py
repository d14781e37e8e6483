"""Addresses of pages found by a slug, without resolving the URLconf for every link.

`reverse()` costs tens of microseconds; a list page links to dozens of items and a sitemap
section to thousands, which made URL building the largest cost of the sitemap. The address
of `viewname` is reversed once, with a placeholder for the slug, and the slug is put in its
place. Slugs are ASCII letters, digits, hyphens and underscores (the `<slug:>` converter),
so they need no quoting, exactly as with `reverse()`.
"""

from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from .slugs import is_url_slug

PLACEHOLDER = "0slug0"


def slug_path(viewname: str, slug: str) -> str:
    """The same as `reverse(viewname, kwargs={"slug": slug})`, NoReverseMatch included."""
    return slug_paths(viewname)(slug)


def slug_paths(viewname: str) -> Callable[[str], str]:
    """`slug_path` for many slugs of one view (a sitemap section): the URLconf and script
    prefix, which live in context-local storage, are read once rather than per slug."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    pattern = _path_with_placeholder(viewname, get_script_prefix(), urlconf)

    def path(slug: str) -> str:
        if not is_url_slug(slug):
            raise NoReverseMatch(f"{slug!r} is not a slug ({viewname}).")
        return pattern.replace(PLACEHOLDER, slug, 1)

    return path


@lru_cache(maxsize=128)
def _path_with_placeholder(viewname: str, prefix: str, urlconf) -> str:
    # `prefix` keys the cache: reverse() includes the script prefix of the request.
    return reverse(viewname, kwargs={"slug": PLACEHOLDER}, urlconf=urlconf)
