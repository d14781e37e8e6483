"""Admin building blocks shared by every app: state at a glance, publish permission, images,
typed keys checked before they reach a query."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from taggit.forms import TagField
from taggit.managers import TaggableManager
from taggit.models import Tag

from .admin_history import HistoryAdminMixin
from .admin_workflow import WorkflowAdminMixin
from .images import ImageFormField
from .models import Kind, RevisionState
from .publishing import State, Status, state_q

PUBLISHING_FIELDS = ("status", "publish_at", "expire_at")
SLUG_TAKEN = "Another item already uses this address. Change the slug to make it unique."
CHOOSE_AGAIN = (
    "Nothing was saved because of the errors on this form, and the file you chose was not "
    "kept: choose it again before you save."
)


@admin.display(description="Image")
def thumbnail(image, alt: str = "") -> str:
    if not image:
        return "—"
    return format_html(
        '<img src="{}" alt="{}" width="64" height="48" style="object-fit:cover" loading="lazy">',
        image.url,
        alt,
    )


WAITING = "waiting"


class StateListFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(WAITING, "Waiting for review"), *State.choices]

    @staticmethod
    def waiting(queryset):
        """Drafts submitted for review, and published items with a change to approve."""
        changed = RevisionState.objects.filter(
            content_type__app_label=queryset.model._meta.app_label,
            content_type__model=queryset.model._meta.model_name,
            kind=Kind.PENDING,
        ).values_list("object_id", flat=True)
        keys = [int(key) for key in changed if key.isdigit()]
        return queryset.filter(Q(status=Status.REVIEW) | Q(pk__in=keys))

    def queryset(self, request, queryset):
        if self.value() == WAITING:
            return self.waiting(queryset)
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


class ChooseFilesAgain:
    """A form with errors comes back without the files chosen for it (no browser can put a
    file back in a file field), so each field that received one says so, not silently."""

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        for name in self.files:
            field = self.fields.get(name)
            if isinstance(field, forms.FileField) and name not in self._errors:
                self.add_error(name, CHOOSE_AGAIN)


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
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, models.DateTimeField) and field is not None:
            # One plain sentence instead of Django's per-field "hours behind" warning.
            zone = timezone.get_current_timezone_name().split("/")[-1].replace("_", " ")
            offset = timezone.localtime().strftime("%z")
            field.help_text = (
                f"{field.help_text} Times are {zone} time (UTC{offset[:3]}:{offset[3:]}).".strip()
            )
        return field

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (ChooseFilesAgain, form), {})


class PublishableAdmin(WorkflowAdminMixin, HistoryAdminMixin, SiteModelAdmin):
    """Shows each item's state and keeps publishing in the hands of those allowed to publish.

    The state is never a form field: it changes only through the workflow buttons and bulk
    actions (mi_site/core/workflow.py). Without the model's `publish_<model>` permission a
    user may save drafts and submit them for review; their edits of a published item wait
    for a publisher, and the publish and expiry times are read-only to them.
    """

    list_filter = [StateListFilter]
    date_hierarchy = "publish_at"

    @admin.display(description="State", ordering="status")
    def state_badge(self, obj):
        opts = self.opts
        if obj.is_live:
            return format_html('<span class="state state-{}">{}</span>', obj.state,
                               obj.state.label)  # fmt: skip
        preview = reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk])
        return format_html(
            '<span class="state state-{}">{}</span> <a href="{}" target="_blank" '
            'rel="noopener">Preview</a>', obj.state, obj.state.label, preview,
        )  # fmt: skip

    def has_publish_permission(self, request, obj=None) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def waiting_for_review(self, request) -> tuple[int, str]:
        """How many items wait for this user's review, and the list that shows them."""
        if not self.has_publish_permission(request):
            return 0, ""
        count = StateListFilter.waiting(self.model._default_manager.all()).count()
        opts = self.opts
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        return count, f"{url}?state={WAITING}"

    def get_list_display(self, request):
        # State first: it is what an editor scans the list for.
        others = [f for f in super().get_list_display(request) if f != "state_badge"]
        return ["state_badge", *others]

    def get_list_display_links(self, request, list_display):
        # The name opens the item, as it did before the state column came first.
        return list_display[1:2]

    def get_ordering(self, request):
        # Newest change first: drafts and items in review have no publish time to sort by.
        return ["-updated_at", "-pk"]

    def get_fieldsets(self, request, obj=None):
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "status"]})
            for name, options in super().get_fieldsets(request, obj)
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            readonly += [f for f in PUBLISHING_FIELDS[1:] if f not in readonly]
        return readonly


from . import admin_audit, admin_redirects  # noqa: E402, F401 - register their models
