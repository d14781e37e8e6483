"""The audit log in the admin: read, filter, never change."""

from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "content_type", "item_link", "comment"]
    list_filter = ["action", "content_type", ("user", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["username", "object_repr", "comment"]
    date_hierarchy = "at"
    list_select_related = ["content_type"]
    list_per_page = 50

    @admin.display(description="Item", ordering="object_repr")
    def item_link(self, entry):
        ct = entry.content_type
        try:
            url = reverse(f"admin:{ct.app_label}_{ct.model}_change", args=[entry.object_id])
        except (AttributeError, NoReverseMatch):  # no type, or a type without an admin
            return entry.object_repr
        return format_html('<a href="{}">{}</a>', url, entry.object_repr)

    # Rows are only ever added, by the workflow and the admin; nobody edits or deletes them.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
