"""A database outage answers the designed 503 with Retry-After, on public pages and admin alike."""

import logging

from django.conf import settings

from mi_site.pages.errors import DATABASE_OUTAGE, service_unavailable

logger = logging.getLogger(__name__)


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        # With DEBUG on, the developer gets Django's traceback page: SQLite reports mistakes
        # in a query (no such column, ...) as OperationalError too, which is not an outage.
        if settings.DEBUG or not isinstance(exception, DATABASE_OUTAGE):
            return None
        logger.error("Database unavailable, answered 503: %s", request.path, exc_info=exception)
        return service_unavailable()
