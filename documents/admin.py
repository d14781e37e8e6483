from django.contrib import admin
from django.template.defaultfilters import filesizeformat

from mi_site.core.admin import SiteModelAdmin

from .models import Document

# The documents fieldset of the admins that attach documents (articles, programs).
DOCUMENTS_HELP = (
    "PDF reports, briefs or proceedings listed on the public page. Type to find one already "
    "uploaded, or upload a new one with the + button."
)


@admin.register(Document)
class DocumentAdmin(SiteModelAdmin):
    list_display = ["title", "language", "year", "file_size", "updated_at"]
    list_filter = ["language", "year"]
    search_fields = ["title"]
    fields = ["title", "file", "file_size", "language", "year", "description"]
    readonly_fields = ["file_size"]

    @admin.display(description="Size", ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size) if obj.size else "\u2014"
