from django import forms
from django.contrib import admin
from django.db import models

from documents.admin import DOCUMENTS_HELP
from images.admin import ImageChooserAdmin, placed_thumbnail
from mi_site.core.admin import PublishableAdmin, SiteModelAdmin, SiteTabularInline

from .models import Country, Department, Partner, ProgramPartner, Theme


@admin.register(Department)
class DepartmentAdmin(SiteModelAdmin):
    list_display = ["name", "short_name", "order"]
    list_editable = ["order"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(SiteModelAdmin):
    list_display = ["name", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class CountryForm(forms.ModelForm):
    def clean_iso_code(self):
        # Country.save() upper-cases the code; do it first so "la" meets the uniqueness check
        # for "LA" here instead of failing in the database.
        return self.cleaned_data["iso_code"].upper()


def may_change_gms_countries(user) -> bool:
    """The six GMS countries (their pages, feeds and home-page links) are publishers' to
    change: whoever may delete countries."""
    return user.has_perm("programs.delete_country")


@admin.register(Country)
class CountryAdmin(SiteModelAdmin):
    form = CountryForm
    list_display = ["name", "iso_code", "is_gms", "order"]
    list_filter = ["is_gms"]
    search_fields = ["name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        return readonly if may_change_gms_countries(request.user) else [*readonly, "is_gms"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_gms and not may_change_gms_countries(request.user):
            return False
        return super().has_change_permission(request, obj)


@admin.register(Partner)
class PartnerAdmin(ImageChooserAdmin, SiteModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "logo_thumbnail"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym"]
    fields = ["name", "acronym", "slug", "kind", "country", "summary", "website", "logo",
              "logo_alt", "logo_decorative"]  # fmt: skip
    autocomplete_fields = ["country"]
    list_select_related = ["country", "logo"]
    # Editors type "www.tica.go.th"; partner sites are served over HTTPS.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    @admin.display(description="Logo")
    def logo_thumbnail(self, obj):
        return placed_thumbnail(obj.placed_logo)


class ProgramPartnerInline(SiteTabularInline):
    model = ProgramPartner
    autocomplete_fields = ["partner"]
    extra = 0
    verbose_name = "partner"
    verbose_name_plural = "partners (funders and implementing partners)"


# Registered in mi_site/admin.py, with the team rows the people app adds.
class ProgramAdmin(ImageChooserAdmin, PublishableAdmin):
    list_display = ["title", "department", "start_date", "end_date", "program_status_display",
                    "state_badge", "hero_thumbnail"]  # fmt: skip
    list_filter = [*PublishableAdmin.list_filter, "department", "countries"]
    list_select_related = ["department", "hero_image"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["department", "countries", "documents"]
    inlines = [ProgramPartnerInline]
    fieldsets = [
        ("Content", {"fields": ["title", "slug", "summary", "body"]}),
        ("Department, dates and places", {
            "fields": ["department", ("start_date", "end_date"), "status_override", "countries",
                       "tags"],
        }),
        ("Image", {"fields": ["hero_image", "hero_alt", "hero_decorative", "hero_caption",
                              "hero_credit"]}),
        ("Documents", {"fields": ["documents"], "description": DOCUMENTS_HELP}),
        ("Publishing", {"fields": ["status", "publish_at", "expire_at"]}),
    ]  # fmt: skip

    @admin.display(description="Phase")
    def program_status_display(self, obj):
        return obj.program_status.label

    @admin.display(description="Image")
    def hero_thumbnail(self, obj):
        return placed_thumbnail(obj.placed_hero)
