"""Previews: an item that is not live, shown through exactly the public page that will
show it, marked as a preview, `noindex`, never cached, and only to those allowed to see it.

The public page's view is found from the item's address; the request carries the item, and
the detail views' `ReachableMixin` then serves that one item whatever its state. Everything
else on the page (related news, lists) still asks `live()`.
"""

from dataclasses import dataclass

from django.urls import resolve
from django.utils.cache import add_never_cache_headers


@dataclass(frozen=True)
class Preview:
    item: object
    label: str  # shown in the banner: "Preview", "Shared preview"
    note: str = ""


def current(request) -> Preview | None:
    return getattr(request, "preview", None)


def render(request, item, *, label: str = "Preview", note: str = ""):
    """The public page of `item` as it is in the database now (a caller may have applied a
    change inside a savepoint), rendered at once so the caller can roll back after."""
    request.preview = Preview(item=item, label=label, note=note)
    request.method = "GET"  # the form's POST is spent: the public view reads, as for a reader
    match = resolve(item.get_absolute_url())
    response = match.func(request, *match.args, **match.kwargs)
    if hasattr(response, "render"):
        response.render()
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
