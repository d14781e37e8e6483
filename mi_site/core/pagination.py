"""Pagination for public lists: Django's own (a bad page is a 404), with a short page list."""


class ElidedPaginationMixin:
    """For a ListView: `page_range` in the context, e.g. 1 … 4 5 6 … 20, never 20 links.

    Links are built in the template with `{% querystring page=n %}`, which keeps the filters.
    """

    pages_on_each_side = 1
    pages_on_ends = 1

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
