"""Error pages in the site's design: 403 (and a refused CSRF check), 404, 500 and 503 (the 410
for former staff is in people).

The 500 and 503 pages are rendered with an empty context and no request: no context processor,
no database query, nothing that could fail again while the site is already failing.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import requires_csrf_token

# Could not connect, lost the connection, or the query was cancelled by its statement timeout:
# the database is down or overloaded, which a reader should retry, not report.
DATABASE_OUTAGE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: what went wrong and what to do, without Django's technical reason."""
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    # DatabaseOutageMiddleware answers for views; this catches an outage met by a middleware.
    if isinstance(sys.exception(), DATABASE_OUTAGE):
        return service_unavailable()
    return HttpResponseServerError(loader.get_template("500.html").render())


def service_unavailable() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
