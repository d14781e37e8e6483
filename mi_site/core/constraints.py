"""Database constraints shared by the content models."""

from django.db import models
from django.db.models import F, Q


def dates_in_order(
    start: str, end: str, *, name: str, message: str, strict: bool = False
) -> models.CheckConstraint:
    """`end` may not come before `start` (nor equal it, when `strict`); either may be empty."""
    lookup = f"{end}__gt" if strict else f"{end}__gte"
    return models.CheckConstraint(
        condition=Q(**{f"{end}__isnull": True})
        | Q(**{f"{start}__isnull": True})
        | Q(**{lookup: F(start)}),
        name=name,
        violation_error_message=message,
    )
