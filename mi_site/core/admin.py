"""Admin building blocks shared by every app: state at a glance, publish permission, images."""

from django.contrib import admin
from django.utils.html import format_html

from .publishing import State, Status, state_q

PUBLISHING_FIELDS = ("status", "publish_at", "expire_at")


@admin.display(description="Image")
def thumbnail(image, alt: str = "") -> str:
    if not image:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="64" height="48" style="object-fit:cover" loading="lazy">',
        image.url,
        alt,
    )


class StateListFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return State.choices

    def queryset(self, request, queryset):
        if self.value() in State.values:
            return queryset.filter(state_q(self.value()))
        return queryset


class PublishableAdmin(admin.ModelAdmin):
    """Shows each item's state and keeps publishing in the hands of those allowed to publish.

    Without the model's `publish_<model>` permission a user may save drafts and submit them for
    review, but cannot publish, schedule, archive or change the times of a published item.
    """

    list_filter = [StateListFilter, "status"]
    date_hierarchy = "publish_at"

    @admin.display(description="State", ordering="status")
    def state_badge(self, obj):
        return format_html('<span class="state state-{}">{}</span>', obj.state, obj.state.label)

    def has_publish_permission(self, request, obj=None) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            if obj is not None and obj.status in (Status.PUBLISHED, Status.ARCHIVED):
                readonly += [f for f in PUBLISHING_FIELDS if f not in readonly]
            else:
                readonly += [f for f in PUBLISHING_FIELDS[1:] if f not in readonly]
        return readonly

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [(s.value, s.label) for s in (Status.DRAFT, Status.REVIEW)]
        return super().formfield_for_choice_field(db_field, request, **kwargs)
