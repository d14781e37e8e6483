"""Admin for user accounts: site administrators manage staff without being able to escalate.

A user who is not a superuser cannot see or set superuser status or single permissions, can
assign only the role groups, and cannot edit a superuser's account (so no one can take over
a more powerful account by resetting its password).
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from .roles import ROLES

admin.site.site_header = "MI Site administration"
admin.site.site_title = "MI Site"
admin.site.index_title = "Content and accounts"

admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "roles", "is_active",
                    "last_login"]  # fmt: skip
    list_filter = ["is_active", "is_staff", "groups"]

    @admin.display(description="Roles")
    def roles(self, obj):
        return ", ".join(g.name for g in obj.groups.all()) or "—"

    def get_queryset(self, request):
        qs = super().get_queryset(request).prefetch_related("groups")
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser or obj is None:
            return fieldsets
        hidden = {"is_superuser", "user_permissions"}
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in hidden]})
            for name, opts in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(name__in=ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
