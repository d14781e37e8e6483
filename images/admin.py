"""The media library in the admin, and the image chooser every image block uses.

The library lists images with a preview, finds them by title, alternative text, caption or
credit, and shows on each image's page where it is used; Django's delete confirmation names
every item still showing an image (the foreign keys PROTECT it) and this admin adds the rich
text that holds it, so an image in use is never deleted unannounced.

An image block on a content form is a chooser: the image shown, the magnifier opening the
library to search and pick one (its list previews each image), and "+" to upload a new one in
a pop-up; the upload passes the same gate as every image (mi_site/core/images.py).
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import ForeignKeyRawIdWidget, RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from mi_site.core.admin import SiteModelAdmin, thumbnail

from .models import Image
from .usage import uses, written_in


class ImageChooser(ForeignKeyRawIdWidget):
    """The chosen image's preview and title next to the library's magnifier."""

    template_name = "admin/images/chooser.html"

    class Media:
        js = ["admin_site/image_chooser.js"]  # the preview follows a pick in the pop-up

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        image = None
        if value not in (None, ""):
            image = Image.objects.filter(pk=value).first() if str(value).isdigit() else None
        context["image"] = image
        return context


class ImageForm(forms.ModelForm):
    """The library's form refuses a picture it already holds, naming it, so an editor picks
    the one there (with its description and uses) instead of storing it twice."""

    class Meta:
        model = Image
        fields = ["file", "title", "alt_text", "decorative", "caption", "credit", "focal_x",
                  "focal_y"]  # fmt: skip

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            found = Image.same_upload(upload)
            if found is not None and found.pk != self.instance.pk:
                raise ValidationError(
                    "This picture is already in the media library as \u201c%(title)s\u201d "
                    "(image %(pk)s): pick that one with the magnifier (\U0001f50d) instead "
                    "of uploading it again.",
                    code="duplicate",
                    params={"title": found, "pk": found.pk},
                )
        return upload


@admin.register(Image)
class ImageAdmin(SiteModelAdmin):
    form = ImageForm
    list_display = ["preview", "title", "dimensions", "described", "uploaded_by", "uploaded_at"]
    list_display_links = ["preview", "title"]
    list_filter = ["decorative", "uploaded_at"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    date_hierarchy = "uploaded_at"
    fieldsets = [
        (None, {"fields": ["large_preview", "file", "title"]}),
        ("Description", {"fields": ["alt_text", "decorative", "caption", "credit"]}),
        ("Cropping", {
            "fields": [("focal_x", "focal_y")],
            "description": "Narrow and square copies of the image are cut around this point: "
            "click the subject on the picture above, or type the numbers.",
        }),
        ("Details", {"fields": ["dimensions", "uploaded_by", "uploaded_at", "used_on"]}),
    ]  # fmt: skip
    readonly_fields = ["large_preview", "dimensions", "uploaded_by", "uploaded_at", "used_on"]

    class Media:
        js = ["admin_site/focal_point.js"]  # click the subject on the preview

    def get_urls(self):
        chosen = path(
            "<int:object_id>/chosen/", self.admin_site.admin_view(self.chosen_view),
            name="images_image_chosen",
        )  # fmt: skip
        return [chosen, *super().get_urls()]

    def chosen_view(self, request, object_id):
        """What a chooser shows of the image just picked (image_chooser.js)."""
        image = Image.objects.filter(pk=object_id).first()
        if image is None or not self.has_view_permission(request, image):
            raise Http404("No such image.")
        return JsonResponse(
            {"title": str(image), "url": image.url, "change_url": _change_url(image)}
        )

    @admin.display(description="Preview")
    def preview(self, obj):
        return thumbnail(obj, obj.alt_text)

    @admin.display(description="Image")
    def large_preview(self, obj):
        if not obj.pk or not obj.file:
            return "\u2014"
        return format_html(
            '<img class="image-preview" src="{}" alt="{}" width="{}" height="{}">',
            obj.url, obj.alt_text, obj.width or "", obj.height or "",
        )  # fmt: skip

    @admin.display(description="Size")
    def dimensions(self, obj):
        return f"{obj.width} \u00d7 {obj.height} px" if obj.width else "\u2014"

    @admin.display(description="Described", boolean=True)
    def described(self, obj):
        return obj.described

    @admin.display(description="Used on")
    def used_on(self, obj):
        found = uses(obj) if obj.pk else []
        if not found:
            return "Not used anywhere yet."
        return format_html(
            "<ul class=\"image-uses\">{}</ul>",
            format_html_join("", "<li><a href=\"{}\">{}</a> ({}, {})</li>", (
                (_change_url(use.item), use.item, use.item._meta.verbose_name, use.where)
                for use in found
            )),
        )  # fmt: skip

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        # Rich text names an image without a foreign key: count it as protecting it too.
        for image in objs:
            for use in written_in(image):
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a> (in its {})',
                        use.item._meta.verbose_name.capitalize(),
                        _change_url(use.item),
                        use.item,
                        use.where,
                    )
                )
        return deleted, model_count, perms_needed, protected


def _change_url(item) -> str:
    opts = item._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])


def placed_thumbnail(placed) -> str:
    """A list's preview of an image block (`item.placed_hero`), or a dash."""
    return thumbnail(placed.image, placed.alt) if placed else "\u2014"


class ImageChooserAdmin:
    """For the admins of models with image blocks: each block's image is an ImageChooser
    with "+" (upload), and the list's preview costs no query per row."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if not (db_field.is_relation and db_field.related_model is Image):
            return super().formfield_for_dbfield(db_field, request, **kwargs)
        kwargs["widget"] = ImageChooser(db_field.remote_field, self.admin_site)
        field = db_field.formfield(**kwargs)
        library = self.admin_site._registry.get(Image)
        if library is not None:
            field.widget = RelatedFieldWidgetWrapper(
                field.widget, db_field.remote_field, self.admin_site,
                can_add_related=library.has_add_permission(request),
                can_change_related=False, can_delete_related=False,
                can_view_related=library.has_view_permission(request),
            )  # fmt: skip
        return field
