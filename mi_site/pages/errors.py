"""Error pages in the site's design: 403, 404 and 500 (the 410 for former staff is in people).

The 500 page is rendered with an empty context and no request: no context processor, no
database query, nothing that could fail again while the site is already failing.
"""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


@requires_csrf_token
def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
