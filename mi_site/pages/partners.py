"""Partner pages: who MI works with, and what each partner funds, organises or implements."""

from itertools import groupby

from django.urls import reverse
from django.views.generic import ListView

from images.share import share_image
from mi_site.core.seo import Crumb, PageMetaMixin, describe, page_meta
from news.hubs import BY_KIND
from programs.models import Partner, Program, ProgramPartner

from .views import HubDetailView, home_crumbs

PROGRAM_HEADINGS = {
    ProgramPartner.Role.FUNDER: "Programs it funds",
    ProgramPartner.Role.IMPLEMENTING: "Programs it implements with MI",
    ProgramPartner.Role.OTHER: "Other programs with MI",
}


def partners_crumb() -> Crumb:
    return Crumb("Partners", reverse("site:partner-list"))


class PartnerListView(PageMetaMixin, ListView):
    """Every partner with a page, by kind (donors first, as MI's reports list them)."""

    template_name = "site/partner_list.html"

    def get_queryset(self):
        return BY_KIND["partner"].public().select_related("country")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = {kind: index for index, kind in enumerate(Partner.Kind.values)}
        partners = sorted(context["object_list"], key=lambda p: (order[p.kind], p.name.lower()))
        context["groups"] = [
            (Partner.Kind(kind).label, list(items))
            for kind, items in groupby(partners, key=lambda p: p.kind)
        ]
        return context

    def get_meta(self, context):
        return page_meta(
            self.request,
            title="Partners",
            description="Donors, governments, international organisations and universities "
            "the Mekong Institute works with across the Greater Mekong Subregion.",
            breadcrumbs=home_crumbs(partners_crumb()),
        )


class PartnerDetailView(HubDetailView):
    template_name = "site/partner_detail.html"
    hub = BY_KIND["partner"]
    parent_crumb = staticmethod(partners_crumb)

    def get_queryset(self):
        return super().get_queryset().select_related("country", "logo")

    def get_context_data(self, **kwargs):
        roles = (
            ProgramPartner.objects.filter(partner=self.object, program__in=Program.objects.live())
            .select_related("program__department")
            .order_by("role", "-program__start_date", "program__title")
        )
        by_role = {role: [] for role in PROGRAM_HEADINGS}
        for row in roles:
            by_role[row.role].append(row.program)
        program_groups = [(PROGRAM_HEADINGS[r], items) for r, items in by_role.items() if items]
        return super().get_context_data(program_groups=program_groups, **kwargs)

    def more_meta(self, partner):
        more = {"structured_data": [self.organization(partner)]}
        more.update(share_image(partner.placed_logo))
        return more

    def organization(self, partner) -> dict:
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": partner.name,
            "url": self.request.build_absolute_uri(partner.get_absolute_url()),
        }
        if partner.acronym:
            data["alternateName"] = partner.acronym
        if partner.website:
            data["sameAs"] = [partner.website]
        if partner.logo:
            data["logo"] = self.request.build_absolute_uri(partner.logo.url)
        return data

    def title(self, obj):
        return f"{obj.name}: partner of the Mekong Institute"

    def description(self, obj):
        return describe(
            obj.summary,
            fallback=f"What {obj} and the Mekong Institute do together: programs and news.",
        )
