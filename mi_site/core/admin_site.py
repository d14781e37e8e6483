"""The admin site: Django's own, with a check of every admin address before its view runs.

Installed the way Django documents for replacing the default site: `SiteAdminConfig` takes the
place of "django.contrib.admin" in INSTALLED_APPS and names `SiteAdminSite` as its
`default_site`, so `admin.site` *is* this site and every `admin.site.register()` and
`@admin.register` works unchanged. Overriding `admin_view()`, the wrapper Django puts around
every admin view (index, changelists, forms, history, autocomplete), covers all of them at once,
including the views of admins the project does not write (users, groups, tags).

What it refuses, with a 400 that says why:
- A NUL character anywhere in the address. It never means anything in a search, a filter, a
  date or a page number, and PostgreSQL rejects it in every string, so a search (`?q=%00`), a
  list filter (`?status=%00`) or the autocomplete (`?term=%00`) answered 500.
- A search longer than `MAX_SEARCH_LENGTH`. The admin turns every word of a search into
  conditions on each search field: ten thousand characters of short words exceed SQLite's
  expression depth (a 500) and make PostgreSQL plan a query of thousands of terms.

Wrong but harmless values (`?department__id__exact=abc`, `?p=abc`) are left to Django, which
answers them itself (a redirect to `?e=1`, the first page).
"""

from functools import wraps

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.views.main import SEARCH_VAR
from django.http import HttpRequest, HttpResponseBadRequest

# Longer than any title or name on the site (255 at most), so any of them can be pasted.
MAX_SEARCH_LENGTH = 300
# A changelist's search box and the autocomplete widget's typed term.
SEARCH_PARAMETERS = {SEARCH_VAR, "term"}


def refusal(request: HttpRequest) -> str | None:
    """Why the admin will not serve this address, or None when it will."""
    pairs = [(key, value) for key, values in request.GET.lists() for value in values]
    if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in pairs):
        return "The address contains a NUL character, which no admin page accepts."
    if any(key in SEARCH_PARAMETERS and len(value) > MAX_SEARCH_LENGTH for key, value in pairs):
        return f"Search for at most {MAX_SEARCH_LENGTH} characters."
    return None


class SiteAdminSite(AdminSite):
    def admin_view(self, view, cacheable=False):
        @wraps(view)
        def checked_view(request, *args, **kwargs):
            reason = refusal(request)
            if reason:
                return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
            return view(request, *args, **kwargs)

        # Inside Django's wrapper: a visitor who is not logged in is still sent to log in first.
        return super().admin_view(checked_view, cacheable)

    def index(self, request, extra_context=None):
        """The dashboard opens on what waits for this user to review, with links to it."""
        waiting = [
            (model_admin.opts.verbose_name_plural.capitalize(), count, url)
            for model_admin in self._registry.values()
            if hasattr(model_admin, "waiting_for_review")
            for count, url in [model_admin.waiting_for_review(request)]
            if count
        ]
        return super().index(request, {"waiting_for_review": waiting, **(extra_context or {})})


class SiteAdminConfig(AdminConfig):
    default_site = "mi_site.core.admin_site.SiteAdminSite"
