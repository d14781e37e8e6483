from django.contrib import admin
from django.db import models

from documents.admin import DOCUMENTS_HELP
from images.admin import ImageChooserAdmin, placed_thumbnail
from mi_site.core.admin import PublishableAdmin, SiteModelAdmin, SiteTabularInline

from .models import MenuItem, Page, SiteFooter, SocialLink


@admin.register(Page)
class PageAdmin(ImageChooserAdmin, PublishableAdmin):
    list_display = ["title", "address", "parent", "sort_order", "hero_thumbnail"]
    list_select_related = ["parent", "hero_image"]
    search_fields = ["title", "url_path", "standfirst"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent", "documents"]
    fieldsets = [
        ("Content", {"fields": ["title", "slug", "standfirst", "body"]}),
        ("Place in the site", {
            "fields": ["parent", "sort_order"],
            "description": "Where the page sits: its address is the slugs of the pages above "
            "it and its own, e.g. /about/governance/.",
        }),
        ("Images", {"fields": ["hero_image", "hero_alt", "hero_decorative", "hero_caption",
                               "hero_credit"]}),
        ("Documents", {"fields": ["documents"], "description": DOCUMENTS_HELP}),
        ("Publishing", {"fields": ["status", "publish_at", "expire_at"]}),
        ("SEO", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]  # fmt: skip

    @admin.display(description="Address", ordering="url_path")
    def address(self, obj):
        return f"/{obj.url_path}/"

    @admin.display(description="Image")
    def hero_thumbnail(self, obj):
        return placed_thumbnail(obj.placed_hero)


@admin.register(MenuItem)
class MenuItemAdmin(SiteModelAdmin):
    list_display = ["label", "target", "sort_order", "shown"]
    list_editable = ["sort_order"]
    list_select_related = ["page"]
    search_fields = ["label", "url", "page__title"]
    autocomplete_fields = ["page"]
    fields = ["label", "page", "url", "sort_order"]

    @admin.display(description="Links to")
    def target(self, obj):
        return f"/{obj.page.url_path}/" if obj.page_id else obj.url

    @admin.display(description="Shown on the site", boolean=True)
    def shown(self, obj):
        # A link to a page shows only while the page is live (mi_site/pages/navigation.py).
        return obj.page.is_live if obj.page_id else True


class SocialLinkInline(SiteTabularInline):
    model = SocialLink
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["network", "url", "sort_order"]


@admin.register(SiteFooter)
class SiteFooterAdmin(SiteModelAdmin):
    """There is one footer: once it exists, no second one can be added."""

    inlines = [SocialLinkInline]
    fields = ["about", "address", "phone", "email"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteFooter.objects.exists()
