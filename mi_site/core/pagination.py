"""Pagination for public lists: Django's own (a bad page is a 404), with a short page list,
fetching a page's keys before its rows."""

from django.core.paginator import Paginator


class KeysFirstPaginator(Paginator):
    """Fetches a page in two steps: its primary keys, then those rows.

    A plain `OFFSET` over full rows reads every row it skips, so page 400 of the news cost
    a hundred times page 1. The keys come from a covering index without touching the table
    (PostgreSQL, `article_live_newest`), and only the page's rows are read.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        keys = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(self.object_list.filter(pk__in=keys), number, self)


class ElidedPaginationMixin:
    """For a ListView: `page_range` in the context, e.g. 1 … 4 5 6 … 20, never 20 links.

    Links are built in the template with `{% querystring page=n %}`, which keeps the filters.
    """

    pages_on_each_side = 1
    pages_on_ends = 1
    paginator_class = KeysFirstPaginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            # A list, not Django's generator: a template may loop over it more than once.
            context["page_range"] = list(
                page.paginator.get_elided_page_range(
                    page.number, on_each_side=self.pages_on_each_side, on_ends=self.pages_on_ends
                )
            )
        return context
