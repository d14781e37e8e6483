"""The program list (ongoing, planned, completed; by department) and the program page."""

from django.db.models import F, Prefetch
from django.urls import reverse
from django.views.generic import DetailView, ListView

from images.share import share_image
from mi_site.core.seo import Crumb, FeedLink, PageMetaMixin, describe, page_meta
from mi_site.core.views import LiveMixin, ReachableMixin

from .models import Program, ProgramPartner, ProgramStatus

STATUS_HEADINGS = {
    ProgramStatus.ONGOING: "Ongoing programs",
    ProgramStatus.PLANNED: "Planned programs",
    ProgramStatus.COMPLETED: "Completed programs",
}
PARTNER_HEADINGS = {
    ProgramPartner.Role.FUNDER: "Funded by",
    ProgramPartner.Role.IMPLEMENTING: "Implementing partners",
    ProgramPartner.Role.OTHER: "Other partners",
}


def program_crumbs(*more: Crumb) -> list[Crumb]:
    home, programs = reverse("site:home"), reverse("programs:program-list")
    return [Crumb("Home", home), Crumb("Programs", programs), *more]


def by_status(programs) -> list[tuple[str, list]]:
    """(heading, programs) for each status that has programs, ongoing first."""
    sections = {status: [] for status in STATUS_HEADINGS}
    for program in programs:
        sections[program.program_status].append(program)
    return [(STATUS_HEADINGS[status], items) for status, items in sections.items() if items]


class ProgramListView(PageMetaMixin, LiveMixin, ListView):
    model = Program
    queryset = Program.objects.select_related("department").order_by(
        F("department__order").asc(nulls_last=True), "department__name", "-start_date", "title"
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = by_status(context["object_list"])
        return context

    def get_meta(self, context):
        return page_meta(
            self.request,
            title="Programs",
            description="The Mekong Institute's capacity programs and projects, ongoing and "
            "completed, by department: what they do, where, and who funds them.",
            breadcrumbs=program_crumbs(),
        )


class ProgramDetailView(PageMetaMixin, ReachableMixin, DetailView):
    """The program with its partners and documents. Its team and news belong to the apps that
    build on this one: the page served is mi_site/pages/composed.py's, which adds them."""

    model = Program
    queryset = Program.objects.select_related("department").prefetch_related(
        "countries",
        "tags",
        "documents",
        Prefetch("partner_roles", queryset=ProgramPartner.objects.select_related("partner")),
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partner_groups=partner_groups(self.object.partner_roles.all()), **kwargs
        )

    def get_meta(self, context):
        program = self.object
        return page_meta(
            self.request,
            title=program.title,
            description=describe(program.summary, program.body),
            breadcrumbs=program_crumbs(Crumb(program.title, program.get_absolute_url())),
            **share_image(program.placed_hero),
            feeds=[
                FeedLink(
                    f"News of {program.title}",
                    reverse("feeds:program-rss", kwargs={"slug": program.slug}),
                    reverse("feeds:program-atom", kwargs={"slug": program.slug}),
                )
            ],
        )


def partner_groups(roles, headings=PARTNER_HEADINGS) -> list[tuple[str, list]]:
    """Partners under a heading per role ("Funded by", ...), in the order of `headings`."""
    groups = {role: [] for role in headings}
    for role in roles:
        groups[role.role].append(role.partner)
    return [(headings[role], partners) for role, partners in groups.items() if partners]
