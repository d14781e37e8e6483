"""Admin for user accounts: site administrators manage staff without being able to escalate.

A user who is not a superuser cannot see or set superuser status or single permissions, can
assign only the role groups, and cannot edit a superuser's account (so no one can take over
a more powerful account by resetting its password). The form (mi_site/accounts/forms.py)
adds the rules of mi_site/accounts/policy.py: no role whose permissions the site
administrator lacks, not their own roles, never the last active site administrator. A site
administrator resets someone else's lost two-factor login, never their own.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from taggit.admin import TagAdmin
from taggit.models import Tag, TaggedItem

from mi_site.core import audit
from mi_site.core.admin import CheckedKeysMixin
from mi_site.core.models import Action
from people.admin import TeamInline
from programs.admin import ProgramAdmin
from programs.models import Program

from .accounts import admin as lockout_admin  # noqa: F401 (registers "Access attempts")
from .accounts import twofactor
from .accounts.forms import StaffUserChangeForm
from .roles import ROLES

admin.site.site_header = "MI Site administration"
admin.site.site_title = "MI Site"
admin.site.index_title = "Content and accounts"

admin.site.unregister(User)
# Devices are managed on the user's own two-factor page and reset from their account; the
# device admins of django-otp would show every user's secret key to a superuser.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)


@admin.register(User)
class StaffUserAdmin(CheckedKeysMixin, UserAdmin):
    form = StaffUserChangeForm
    list_display = ["username", "email", "first_name", "last_name", "roles", "is_active",
                    "last_login"]  # fmt: skip
    list_filter = ["is_active", "is_staff", "groups"]
    readonly_fields = ["two_factor"]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is None:  # the add form: username and password only
            return form
        return type(form.__name__, (form,), {"acting_user": request.user})

    @admin.display(description="Two-factor login")
    def two_factor(self, obj):
        if not twofactor.has_app(obj):
            return "Not set up"
        reset = reverse("admin:auth_user_reset_two_factor", args=[obj.pk])
        left = twofactor.backup_codes_left(obj)
        return format_html(
            'On, {} backup code{} left. <a href="{}">Reset (lost phone)…</a>',
            left, "" if left == 1 else "s", reset,
        )  # fmt: skip

    def get_urls(self):
        reset = self.admin_site.admin_view(self.reset_two_factor_view)
        return [
            path("<id>/two-factor/reset/", reset, name="auth_user_reset_two_factor"),
            *super().get_urls(),
        ]

    def reset_two_factor_view(self, request, id):
        account = self.get_object(request, unquote(id))
        if account is None:  # no such user, or a superuser hidden from this site administrator
            raise Http404
        if not self.has_change_permission(request, account) or account.pk == request.user.pk:
            raise PermissionDenied  # nobody resets their own second factor
        change = reverse("admin:auth_user_change", args=[account.pk])
        if request.method == "POST":
            twofactor.reset(account)
            self.log_change(request, account, "Reset two-factor login.")
            self.message_user(request, f"{account}'s two-factor login was reset: they set up a "
                              "new authenticator app at their next login.")  # fmt: skip
            return redirect(change)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Reset two-factor login",
            "account": account,
            "change_url": change,
        }
        return TemplateResponse(request, "admin/accounts/reset_two_factor.html", context)

    @admin.display(description="Roles")
    def roles(self, obj):
        return ", ".join(g.name for g in obj.groups.all()) or "—"

    def get_queryset(self, request):
        qs = super().get_queryset(request).prefetch_related("groups")
        return qs if request.user.is_superuser else qs.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        fieldsets = [*fieldsets, ("Two-factor login", {"fields": ["two_factor"]})]
        if request.user.is_superuser:
            return fieldsets
        hidden = {"is_superuser", "user_permissions"}
        return [
            (name, {**opts, "fields": [f for f in opts["fields"] if f not in hidden]})
            for name, opts in fieldsets
        ]

    def save_related(self, request, form, formsets, change):
        user = form.instance
        before = sorted(user.groups.values_list("name", flat=True)) if change else []
        super().save_related(request, form, formsets, change)
        after = sorted(user.groups.values_list("name", flat=True))
        if before != after:
            change = f"{', '.join(before) or 'no role'} \u2192 {', '.join(after) or 'no role'}"
            audit.record(request.user, Action.ROLES, user, comment=change)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = db_field.remote_field.model.objects.filter(name__in=ROLES)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(CheckedKeysMixin, GroupAdmin):
    """Django's admin for groups (the roles), with typed keys checked like every other admin."""


class TaggedItemInline(admin.TabularInline):
    """What carries the tag, read-only: tagging happens on the article or program itself."""

    model = TaggedItem
    fields = readonly_fields = ["content_type", "content_object"]
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False


admin.site.unregister(Tag)


class TagForm(forms.ModelForm):
    # ASCII only, like every other address on the site (mi_site.core.tags).
    slug = forms.SlugField(
        required=False,
        max_length=100,
        help_text="The address of the tag's page. Leave empty to make one from the name.",
    )

    class Meta:
        model = Tag
        fields = ["name", "slug"]


@admin.register(Tag)
class SiteTagAdmin(CheckedKeysMixin, TagAdmin):
    """taggit's admin, with its merge action limited to those who may change tags.

    taggit offers "merge" to anyone who can list tags and its merge page checks only that the
    user is staff, so a site administrator could rewrite every item's tags. Merging into one of
    the selected tags also made taggit untag everything carrying that tag (see below).
    """

    form = TagForm
    inlines = [TaggedItemInline]
    list_display = ["name", "slug", "uses"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(uses=Count("taggit_taggeditem_items"))

    @admin.display(description="Used by", ordering="uses")
    def uses(self, obj):
        return obj.uses

    @admin.action(description="Merge selected tags", permissions=["change"])
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)

    def merge_tags_view(self, request):
        if not self.has_change_permission(request):
            raise PermissionDenied
        if not request.session.get("selected_tag_ids"):
            self.message_user(request, "Select the tags to merge first.", level="warning")
            return redirect("admin:taggit_tag_changelist")
        if request.method == "POST" and not self._keep_the_target_tag(request):
            self.message_user(request, "Select at least one other tag to merge into this one.")
            return redirect("admin:taggit_tag_changelist")
        return super().merge_tags_view(request)

    @staticmethod
    def _keep_the_target_tag(request) -> list[str]:
        """Leave the target out of the selection; return the tags still to merge.

        taggit deletes each selected tag's item when the item already has the target tag,
        which is true of every item of the target tag itself.
        """
        target = Tag.objects.filter(name=request.POST.get("new_tag_name", "").strip()).first()
        selected = request.session["selected_tag_ids"].split(",")
        others = [tag_id for tag_id in selected if target is None or tag_id != str(target.pk)]
        request.session["selected_tag_ids"] = ",".join(others)
        return others


class ProgramWithTeamAdmin(ProgramAdmin):
    """The program form with its team: the team rows live in people, which builds on programs,
    so the two are put together here, in the one place that knows both."""

    inlines = [*ProgramAdmin.inlines, TeamInline]


admin.site.register(Program, ProgramWithTeamAdmin)
