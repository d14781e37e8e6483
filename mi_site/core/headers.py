"""Security headers that Django does not set itself: Content-Security-Policy and Permissions-Policy.

Two Content-Security-Policies (django-csp 4): the public pages get `CONTENT_SECURITY_POLICY`,
which allows scripts, styles and images from the site only and no plugin, base or frame
tricks; the addresses under `STAFF_URL_PREFIXES` (the admin and the editor's upload endpoint)
get `CONTENT_SECURITY_POLICY_ADMIN`, the same with the exceptions the rich-text editor needs.
A view's own `@csp_override` still wins over both. Staff pages also say `X-Robots-Tag:
noindex`, so robots.txt need not name them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_staff_path(path: str) -> bool:
    return path.startswith(tuple(settings.STAFF_URL_PREFIXES))


def permissions_policy() -> str:
    return ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY)


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_staff_path(request.path_info):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", permissions_policy())
        if is_staff_path(request.path_info):
            response.headers.setdefault("X-Robots-Tag", "noindex, nofollow")
        return response
