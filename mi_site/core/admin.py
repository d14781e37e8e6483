"""Admin building blocks shared by every app: state at a glance, publish permission, images,
typed keys checked before they reach a query."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html
from taggit.forms import TagField
from taggit.managers import TaggableManager
from taggit.models import Tag

from .images import ImageFormField
from .publishing import State, Status, state_q

PUBLISHING_FIELDS = ("status", "publish_at", "expire_at")
SLUG_TAKEN = "Another item already uses this address. Change the slug to make it unique."


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


class BoundedTagField(TagField):
    """taggit's field checks no length: a long tag would fail in the database (a 500)."""

    max_tag_length = Tag._meta.get_field("name").max_length

    def clean(self, value):
        tags = super().clean(value)
        too_long = [tag for tag in tags if len(tag) > self.max_tag_length]
        if too_long:
            raise forms.ValidationError(
                "Tags may be at most %(max)d characters long; shorten \u201c%(tag)s\u201d.",
                code="tag_too_long",
                params={"max": self.max_tag_length, "tag": too_long[0][:40] + "\u2026"},
            )
        return tags


def is_valid_key(field: models.Field, value) -> bool:
    """Whether `value` could be stored in the model field `field`, so looking it up is safe.

    Typed input used in a lookup must pass this first: Django raises ValueError for `abc` as an
    id, PostgreSQL refuses a NUL character in any string and SQLite cannot bind an integer
    beyond 64 bits, each a 500 where the user should have been told the value is wrong.
    """
    if "\x00" in str(value):
        return False
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class _SelectedKeysOnly:
    """Renders only those selected values that can be keys of the target model.

    Django's autocomplete widgets look the selected values up to show their labels, also when
    a form comes back with errors: `department=abc` answered 500 instead of "Select a valid
    choice". The value is dropped from the widget only; the form field still reports it.
    """

    def optgroups(self, name, value, attr=None):
        keys = [v for v in value if is_valid_key(self.field.target_field, v)]
        return super().optgroups(name, keys, attr)


class CheckedAutocompleteSelect(_SelectedKeysOnly, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_SelectedKeysOnly, AutocompleteSelectMultiple):
    pass


class CheckedKeysMixin:
    """For every ModelAdmin, and every inline with autocomplete fields: typed keys are checked
    before Django looks them up.

    Autocomplete fields get the widgets above. A changelist action run on a selection that
    cannot be keys (`_selected_action=abc`) does nothing and says so, where Django's own
    `queryset.filter(pk__in=...)` raised a 500. `tests/admin/test_bad_input_*.py` try every
    admin in the registry, so one that misses this mixin fails there.
    """

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if all(is_valid_key(self.opts.pk, key) for key in selected):
            return super().response_action(request, queryset)
        self.message_user(request, "Select items from the list; no items have been changed.",
                          messages.WARNING)  # fmt: skip
        return None


class SiteTabularInline(CheckedKeysMixin, admin.TabularInline):
    """Base inline for MI Site's own models."""


class SiteModelAdmin(CheckedKeysMixin, admin.ModelAdmin):
    """Base admin for MI Site's own models: form messages written for an editor."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Django's own "Article with this Slug already exists." does not say what to do.
        if isinstance(db_field, models.SlugField) and db_field.unique:
            kwargs["error_messages"] = {"unique": SLUG_TAKEN, **kwargs.get("error_messages", {})}
        if isinstance(db_field, TaggableManager):
            kwargs["form_class"] = BoundedTagField
        # Say what is wrong with a bad upload, not Django's generic "Upload a valid image".
        if isinstance(db_field, models.ImageField):
            kwargs["form_class"] = ImageFormField
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PublishableAdmin(SiteModelAdmin):
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
