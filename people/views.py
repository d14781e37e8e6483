"""The staff directory and staff profiles; a former staff member's profile answers 410 Gone."""

from django.db.models import F, Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import DetailView, ListView

from images.share import share_image
from mi_site.core.seo import Crumb, PageMetaMixin, describe, organization, page_meta
from mi_site.core.views import LiveMixin, ReachableMixin
from programs.models import Program

from .models import Person, PersonPhoto, ProgramMembership

LEADERSHIP = "Office of the Executive Director"
# The fields `{% person_card %}` reads, and those of a department the directory groups by.
PERSON_CARD_FIELDS = ("slug", "honorific", "display_name", "position",
                      *PersonPhoto.shown_fields)  # fmt: skip
DEPARTMENT_HEADING = ("slug", "name", "short_name")


def staff_crumbs(*more: Crumb) -> list[Crumb]:
    return [
        Crumb("Home", reverse("site:home")),
        Crumb("Staff", reverse("people:person-list")),
        *more,
    ]


class PersonListView(PageMetaMixin, LiveMixin, ListView):
    """Current staff grouped by department; the Executive Director's office (no department)
    comes first, and each group lists its leadership first."""

    model = Person
    queryset = (
        Person.objects.current()
        .select_related("department", "photo")
        # What a card and a group heading show: 500 staff with their biographies and four
        # timestamps each took longer to load than the page took to render.
        .only(*PERSON_CARD_FIELDS, *(f"department__{name}" for name in DEPARTMENT_HEADING))
        .order_by(
            F("department__order").asc(nulls_first=True),
            "department__name",
            "leadership_rank",
            "sort_name",
        )
    )

    def get_context_data(self, **kwargs):
        return super().get_context_data(leadership_heading=LEADERSHIP, **kwargs)

    def get_meta(self, context):
        return page_meta(
            self.request,
            title="Staff directory",
            description="Who works at the Mekong Institute: the Executive Director's office "
            "and the staff of each department, with their positions and profiles.",
            breadcrumbs=staff_crumbs(),
        )


class PersonDetailView(PageMetaMixin, ReachableMixin, DetailView):
    model = Person

    def get_queryset(self):
        # Per request: `.live()` reads the clock (a class attribute would freeze it).
        memberships = (
            ProgramMembership.objects.filter(program__in=Program.objects.live())
            .select_related("program__department")
            .by_role()
            .order_by("role_order", "program__title")
        )
        return (
            super()
            .get_queryset()
            .select_related("department")
            .prefetch_related(Prefetch("memberships", queryset=memberships))
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.object.is_active:
            return gone(request, self.object)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_meta(self, context):
        person = self.object
        meta = page_meta(
            self.request,
            title=f"{person.display_name}, {person.position}"
            if person.position
            else person.display_name,
            description=describe(
                person.short_bio,
                person.biography,
                f"{person.full_name}, {person.position}, Mekong Institute.",
            ),
            breadcrumbs=staff_crumbs(Crumb(person.display_name, person.get_absolute_url())),
            **share_image(person.placed_photo),
            og_type="profile",
        )
        meta.structured_data.insert(0, person_data(self.request, person, meta))
        return meta


def person_data(request, person, meta) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.display_name,
        "honorificPrefix": person.honorific,
        "jobTitle": person.position,
        "description": meta.description,
        "url": meta.canonical,
        "image": meta.image if person.photo else None,
        "worksFor": organization(request, context=False),
        "email": person.email and f"mailto:{person.email}",
    }
    return {key: value for key, value in data.items() if value}


def gone(request, person):
    """A former staff member: 410 Gone, with a page that points readers onwards."""
    meta = page_meta(
        request,
        title=f"{person.display_name} no longer works at the Mekong Institute",
        description=f"{person.full_name} has left the Mekong Institute. "
        "Find current staff in the staff directory.",
        breadcrumbs=staff_crumbs(Crumb(person.display_name, person.get_absolute_url())),
        noindex=True,
    )
    return render(request, "people/person_gone.html", {"person": person, "meta": meta}, status=410)
