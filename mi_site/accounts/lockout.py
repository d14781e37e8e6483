"""Login lockout (django-axes): whose address a request comes from, and the page a locked-out
login gets. The limits are settings (LOGIN_FAILURE_LIMIT, LOGIN_COOLOFF_MINUTES)."""

import math

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils import timezone


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or behind proxies the address the nearest trusted
    proxy saw, from the header named by CLIENT_IP_HEADER.

    Each proxy appends the address it received the request from, so with TRUSTED_PROXY_COUNT
    proxies the client is that many entries from the right; entries further left were written
    by the client itself and could be anything.
    """
    header = settings.CLIENT_IP_HEADER
    if header:
        key = "HTTP_" + header.upper().replace("-", "_")
        hops = [hop.strip() for hop in request.META.get(key, "").split(",") if hop.strip()]
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            return hops[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")


def minutes_left(username: str, ip_address: str) -> int:
    """Minutes until this username may try again from this address (the cool-off runs from
    the last failure)."""
    last = (
        AccessAttempt.objects.filter(username=username, ip_address=ip_address)
        .order_by("-attempt_time")
        .values_list("attempt_time", flat=True)
        .first()
    )
    ends = (last or timezone.now()) + settings.AXES_COOLOFF_TIME
    return max(1, math.ceil((ends - timezone.now()).total_seconds() / 60))


def locked_out(request, original_response=None, credentials=None) -> TemplateResponse:
    username = get_client_username(request, credentials) or ""
    minutes = minutes_left(username, client_ip(request))
    context = {**admin.site.each_context(request), "title": "Login locked",
               "username": username, "minutes": minutes}  # fmt: skip
    response = TemplateResponse(request, "admin/accounts/locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response.render()
