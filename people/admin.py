from django.contrib import admin

from images.admin import ImageChooserAdmin, placed_thumbnail
from mi_site.core.admin import PublishableAdmin, SiteTabularInline

from .models import Person, ProgramMembership


class MembershipInline(SiteTabularInline):
    model = ProgramMembership
    autocomplete_fields = ["person", "program"]
    extra = 0


class TeamInline(MembershipInline):
    """The team rows on the program form (registered with it in mi_site/admin.py)."""

    verbose_name = "team member"
    verbose_name_plural = "program team"


@admin.register(Person)
class PersonAdmin(ImageChooserAdmin, PublishableAdmin):
    list_display = ["display_name", "position", "department", "leadership_rank", "is_active",
                    "state_badge", "photo_thumbnail"]  # fmt: skip
    list_filter = [*PublishableAdmin.list_filter, "is_active", "department", "leadership_rank"]
    list_select_related = ["department", "photo"]
    search_fields = ["display_name", "sort_name", "position"]
    prepopulated_fields = {"slug": ["display_name"]}
    autocomplete_fields = ["department"]
    inlines = [MembershipInline]
    date_hierarchy = None
    fieldsets = [
        ("Name and position", {
            "fields": ["honorific", "display_name", "sort_name", "slug", "position",
                       "department", "leadership_rank", "is_active"],
        }),
        ("Profile", {"fields": ["short_bio", "biography", "education"]}),
        ("Photo", {"fields": ["photo", "photo_alt", "photo_decorative"]}),
        ("Public contact", {"fields": ["email", "phone"]}),
        ("Publishing", {"fields": ["status", "publish_at", "expire_at"]}),
    ]  # fmt: skip

    @admin.display(description="Photo")
    def photo_thumbnail(self, obj):
        return placed_thumbnail(obj.placed_photo)
