"""Load the whole demo in dependency order, in one transaction, and say what changed."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from mi_site.core.sync import Writer

from . import images
from .articles import load_articles
from .departments import load_countries, load_departments, load_themes
from .documents import load_documents
from .images import Sizes
from .logins import load_demo_logins
from .pages import load_pages
from .partners import load_partners
from .people import load_people
from .programs import load_programs
from .refs import Refs


def load_demo_content(
    *, with_logins: bool = False, sizes: Sizes | None = None, now: datetime | None = None
) -> Writer:
    """Create or update the demo site; a second run changes nothing.

    `sizes` defaults to full-size pictures (`images.FULL`). Returns the writer: its `tally`
    counts rows created, updated and unchanged, and `summary()` is the line the command prints.
    """
    writer, refs = Writer(), Refs(sizes=sizes or images.FULL)
    with transaction.atomic():
        load_countries(writer, refs)
        load_departments(writer, refs)
        load_themes(writer, refs)
        load_partners(writer, refs)
        load_documents(writer, refs)
        load_programs(writer, refs)
        load_people(writer, refs)
        load_articles(writer, refs, now or timezone.now())
        load_pages(writer, refs)
        if with_logins:
            load_demo_logins(writer)
    return writer
