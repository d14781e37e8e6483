"""`/healthz` for load balancers: 200 when the database answers, 503 when it does not.

The check must answer within a few seconds even when the database hangs, or the load balancer
waits on the very worker it should be taking out of rotation: connecting is bounded by the
connect timeout (settings.py), the query by a statement timeout of its own, shorter than the
pages' one.
"""

import logging

from django.db import Error, connection, transaction
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

QUERY = "SELECT 1"
STATEMENT_TIMEOUT_MS = 2000


def database_answers() -> bool:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # set_config(..., true) is SET LOCAL: it ends with this transaction.
                cursor.execute(
                    "SELECT set_config('statement_timeout', %s, true)", [str(STATEMENT_TIMEOUT_MS)]
                )
            cursor.execute(QUERY)
    except Error as exc:
        logger.warning("Health check: the database did not answer: %s", exc)
        return False
    return True


@never_cache
def healthz(request):
    if not database_answers():
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return JsonResponse({"status": "ok"})
