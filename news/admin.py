from django.contrib import admin

from documents.admin import DOCUMENTS_HELP
from images.admin import ImageChooserAdmin, placed_thumbnail
from mi_site.core.admin import PublishableAdmin, SiteTabularInline

from .models import Article, ArticlePartner


class ArticlePartnerInline(SiteTabularInline):
    model = ArticlePartner
    autocomplete_fields = ["partner"]
    extra = 0
    verbose_name = "partner"
    verbose_name_plural = "partners (who funded the work, who organised it with MI)"


@admin.register(Article)
class ArticleAdmin(ImageChooserAdmin, PublishableAdmin):
    inlines = [ArticlePartnerInline]
    list_display = ["title", "department", "publish_at", "featured", "state_badge",
                    "hero_thumbnail"]  # fmt: skip
    list_filter = [*PublishableAdmin.list_filter, "featured", "department", "themes",
                   "countries"]  # fmt: skip
    list_select_related = ["department", "hero_image"]
    search_fields = ["title", "standfirst"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["department", "extra_departments", "themes", "programs", "countries",
                           "people", "documents"]  # fmt: skip
    fieldsets = [
        ("Content", {"fields": ["title", "slug", "standfirst", "body"]}),
        ("Labels and links", {
            "fields": ["department", "extra_departments", "themes", "programs", "countries",
                       "people", "tags"],
            "description": "The department is the label shown above the title.",
        }),
        ("Event", {
            "fields": [("event_start", "event_end", "event_precision"), "venue"],
            "description": "Only for news about a workshop, meeting or other event.",
        }),
        ("Images", {"fields": ["hero_image", "hero_alt", "hero_decorative", "hero_caption",
                               "hero_credit"]}),
        ("Documents", {
            "fields": ["documents"],
            "description": DOCUMENTS_HELP,
        }),
        ("Publishing", {"fields": ["status", "publish_at", "expire_at", "featured"]}),
        ("SEO", {"fields": ["seo_title", "seo_description"], "classes": ["collapse"]}),
    ]  # fmt: skip

    @admin.display(description="Image")
    def hero_thumbnail(self, obj):
        return placed_thumbnail(obj.placed_hero)

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request, obj) and "featured" not in readonly:
            readonly = [*readonly, "featured"]
        return readonly
