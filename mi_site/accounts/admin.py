"""Locked-out logins in the admin: who is locked out, from where, and an action to unlock.

django-axes keeps one row per username and address with its failures (AccessAttempt); a pair
is locked while its failures reach LOGIN_FAILURE_LIMIT within the cool-off. Deleting the row
unlocks it, which is what "Unlock" does (`manage.py axes_reset_ip_username IP USERNAME` does
the same from a shell). Site administrators hold the view and delete permissions for it.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin, messages

from mi_site.core.admin import CheckedKeysMixin


@admin.register(AccessAttempt)
class LockedOutLoginAdmin(CheckedKeysMixin, admin.ModelAdmin):
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time", "locked"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    fields = readonly_fields = ["username", "ip_address", "failures_since_start",
                                "attempt_time", "user_agent", "path_info"]  # fmt: skip
    actions = ["unlock"]

    @admin.display(boolean=True, description="Locked")
    def locked(self, obj) -> bool:
        return obj.failures_since_start >= settings.AXES_FAILURE_LIMIT

    @admin.action(description="Unlock the selected logins", permissions=["delete"])
    def unlock(self, request, queryset):
        self.log_deletions(request, queryset)
        count, _ = queryset.delete()
        self.message_user(request, f"Unlocked {count} login(s).", messages.SUCCESS)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # "Unlock" says what deleting these rows means
        return actions

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
