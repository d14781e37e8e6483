"""Old addresses keep working: redirects from old paths to items or paths.

- A `Redirect` (mi_site/core/models.py) sends an old path, with the query parameters that
  matter if any (`/?p=15411`), to an item — followed wherever the item moves — or to a path.
- `RedirectFallbackMiddleware` looks a request up only when the site has answered 404, and
  for the home page only when it carries a query (WordPress's `/?p=…`): a page that exists
  never pays a query for it.
- `follow_moves(model, view_name, field)`: an item whose public address changes (a new slug,
  a page moved under another parent) leaves a redirect from its old address to itself, so
  chains never form (A and B both point at the item, not A -> B -> C) and no redirect
  shadows the item's new address.

Paths are stored without their trailing slash and percent-decoded, as Django gives
`request.path`; query strings are stored as their significant parameters, sorted, so
`?utm_source=x&p=1` and `?p=1` are the same old address.
"""

import re
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import timezone

from .publishing import Publishable, is_reachable_at

# Tracking and cache-busting parameters: never part of what an old address means.
IGNORED = re.compile(
    r"^(utm_\w+|chash|fbclid|gclid|dclid|gbraid|wbraid|msclkid|_ga|_gl|mc_cid|mc_eid|ref)$",
    re.IGNORECASE,
)
PATH_MAX = 500
QUERY_MAX = 500

# view name -> (model, the URL keyword and the field it is looked up by), filled by
# `follow_moves()`: turns a typed path like /news/some-story/ into the item it shows.
_ITEM_VIEWS: dict[str, tuple[type, str]] = {}


class BadAddress(ValueError):
    """An old address or target that cannot be stored; the message says why."""


def significant_query(pairs) -> str:
    return urlencode(sorted((k, v) for k, v in pairs if not IGNORED.match(k)))


def split(address: str) -> tuple[str, str]:
    """`/path/?b=2&a=1&utm_source=x` -> (`/path`, `a=1&b=2`). A full URL keeps only its path
    and query: an address of the old site's `archive.` host is the same path here."""
    address = (address or "").strip()
    if not address:
        raise BadAddress("The old address is empty.")
    if any(ord(char) < 32 for char in address):
        raise BadAddress("The address contains control characters.")
    if not re.match(r"^https?://", address, re.IGNORECASE):
        address = "/" + address.lstrip("/")  # a path, even one typed with "//" in front
    parts = urlsplit(address)
    path = unquote(parts.path) or "/"
    if not path.startswith("/"):
        path = "/" + path
    path = re.sub(r"/{2,}", "/", path)
    path = path.rstrip("/") or "/"
    query = significant_query(parse_qsl(parts.query, keep_blank_values=True))
    if len(path) > PATH_MAX or len(query) > QUERY_MAX:
        raise BadAddress(f"The address is longer than {PATH_MAX} characters.")
    return path, query


def request_key(request) -> tuple[str, str]:
    path = request.path.rstrip("/") or "/"
    pairs = [(key, value) for key, values in request.GET.lists() for value in values]
    return path, significant_query(pairs)


def item_at(path: str):
    """The item whose public page is at `path` (any state), or None."""
    try:
        match = resolve(path if path.endswith("/") else path + "/")
    except Resolver404:
        return None
    known = _ITEM_VIEWS.get(match.view_name)
    if known is None:
        return None
    model, field = known
    value = match.kwargs.get(field)
    if value is None:
        return None
    return model._default_manager.filter(**{field: value}).first()


def target_fields(target) -> dict:
    """The Redirect fields for a target: a model instance or a path / URL."""
    if hasattr(target, "_meta"):
        content_type = ContentType.objects.get_for_model(target)
        return {"content_type": content_type, "object_id": str(target.pk), "target_path": ""}
    target = (target or "").strip()
    if not target:
        raise BadAddress("The new address is empty.")
    if target.startswith(("http://", "https://")):
        return {"content_type": None, "object_id": "", "target_path": target}
    if not target.startswith("/") or target.startswith("//"):
        raise BadAddress(
            "The new address must be a path on this site starting with / (e.g. /news/) or a "
            "full address starting with https://."
        )
    item = item_at(urlsplit(target).path)
    if item is not None:  # follow the item if it moves again
        return target_fields(item)
    return {"content_type": None, "object_id": "", "target_path": target}


def add(old: str, target, *, permanent: bool = True, automatic: bool = False):
    """Send the old address `old` to `target` (an item or a path), replacing any redirect
    from the same address; chains through path targets are collapsed. Returns the row."""
    from .models import Redirect

    path, query = split(old)
    fields = target_fields(target)
    redirect, _ = Redirect.objects.update_or_create(
        old_path=path,
        old_query=query,
        defaults={**fields, "permanent": permanent, "automatic": automatic},
    )
    redirect.collapse_chains()
    return redirect


def find(path: str, query: str):
    """The redirect for this address: one with the same significant query first, then one
    from the bare path (which answers any query)."""
    from .models import Redirect

    candidates = Redirect.objects.filter(old_path=path, old_query__in={query, ""})
    return max(candidates.select_related("content_type"), key=lambda r: bool(r.old_query),
               default=None)  # fmt: skip


class RedirectFallbackMiddleware:
    """Answer a 404 with the redirect stored for its address, if any (and count the hit)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/" and request.GET and request.method in ("GET", "HEAD"):
            # WordPress answered `/?p=15411` with the post: the home page must not swallow it.
            response = self.redirect(request)
            if response is not None:
                return response
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return self.redirect(request) or response
        return response

    def redirect(self, request):
        path, query = request_key(request)
        if path == "/" and not query:
            return None
        try:
            found = find(path, query)
            url = found.target_url() if found else None
            if url is None or url.rstrip("/") == request.path.rstrip("/"):
                return None
            type(found).objects.filter(pk=found.pk).update(
                hits=F("hits") + 1, last_hit=timezone.now()
            )
        except DatabaseError:
            return None  # the 404 stands; the outage shows on the pages that need the data
        return (HttpResponsePermanentRedirect if found.permanent else HttpResponseRedirect)(url)


def follow_moves(model, *, view_name: str, field: str = "slug") -> None:
    """Leave a permanent redirect from an item's old address when it changes while the item is
    public; `view_name` and `field` let a typed path find the item (`item_at`)."""
    _ITEM_VIEWS[view_name] = (model, field)
    pre_save.connect(_remember_address, sender=model, weak=False, dispatch_uid=f"moves-{model}")
    post_save.connect(_leave_redirect, sender=model, weak=False, dispatch_uid=f"moved-{model}")


def is_public(item) -> bool:
    """Whether readers can open the item's page: the publishing rule for a publishable item
    (`is_reachable_at`), any row of a model without publishing states."""
    return is_reachable_at(item) if isinstance(item, Publishable) else True


def public_rows(model):
    """The rows of `model` readers can open: `reachable()`, the queryset twin of is_public."""
    manager = model._default_manager
    return manager.reachable() if issubclass(model, Publishable) else manager.all()


def _remember_address(sender, instance, raw=False, **kwargs):
    old = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    instance._address_before = (old.get_absolute_url(), is_public(old)) if old else None


def _leave_redirect(sender, instance, **kwargs):
    before, instance._address_before = getattr(instance, "_address_before", None), None
    new = instance.get_absolute_url()
    if before is None:
        moved(instance, None, new)  # a new item: no old redirect may sit on its address
    elif before[0] != new:
        moved(instance, before[0] if before[1] else None, new)


def moved(item, old: str | None, new: str) -> None:
    """`item` is now at `new`; it was public at `old` (None: it was not, or is new)."""
    from .models import Redirect

    with transaction.atomic():
        # The item's own address is never a redirect's old address.
        Redirect.objects.filter(old_path=split(new)[0], old_query="").delete()
        if old and split(old) != split(new):
            add(old, item, automatic=True)


def model_of(label: str):
    """`news.article` -> the model, or BadAddress."""
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise BadAddress(f"Unknown kind of item \u201c{label}\u201d.") from error


def collapse_all() -> int:
    """Collapse every chain of path redirects in one pass (after a bulk import): each one
    pointing at another's old path takes that one's target; a chain that comes back to where
    it started is cut at its first link. Returns how many rows changed."""
    from .models import Redirect

    rows = {r.pk: r for r in Redirect.objects.all()}
    by_path = {r.old_path: r for r in rows.values() if not r.old_query}
    changed, dropped = {}, set()
    for redirect in rows.values():
        seen, current = {redirect.pk}, redirect
        while not current.content_type_id and current.target_path.startswith("/"):
            nxt = by_path.get(split(current.target_path)[0])
            if nxt is None or nxt.pk in dropped:
                break
            if nxt.pk in seen:  # a loop: this redirect would send readers round forever
                dropped.add(redirect.pk)
                break
            seen.add(nxt.pk)
            current = nxt
        if redirect.pk not in dropped and current is not redirect:
            redirect.content_type_id = current.content_type_id
            redirect.object_id, redirect.target_path = current.object_id, current.target_path
            changed[redirect.pk] = redirect
    Redirect.objects.filter(pk__in=dropped).delete()
    fields = ["content_type", "object_id", "target_path"]
    Redirect.objects.bulk_update(
        [r for pk, r in changed.items() if pk not in dropped], fields, batch_size=1000
    )
    return len(changed) + len(dropped)
