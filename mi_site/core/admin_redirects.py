"""The redirects table in the admin: publishers add, correct and remove old addresses; the ones
the site made itself (an item's address changed) and the imported ones are listed with them,
with how often each was used."""

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from . import redirects
from .admin import SiteModelAdmin
from .models import Redirect


class RedirectForm(forms.ModelForm):
    old_address = forms.CharField(
        label="Old address",
        max_length=1000,
        help_text="A path on this site, with its query if it matters: "
        "/news-activities/news-details/2014/12/14/mekong-institute-hol-1/ or /?p=15411. "
        "Tracking parameters (utm_*, cHash) are ignored; a full address "
        "(https://archive.mekonginstitute.org/…) keeps its path.",
    )
    new_address = forms.CharField(
        label="New address",
        max_length=500,
        required=False,
        help_text="A path on this site (/news/…) or a full address (https://…). A path that "
        "shows an article, profile, program, partner or page is stored as that item, so the "
        "redirect follows it if its address changes again.",
    )

    class Meta:
        model = Redirect
        fields = ["permanent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        redirect = self.instance
        if redirect.pk:
            self.fields["old_address"].initial = redirect.old_address
            self.fields["new_address"].initial = redirect.target_path or redirect.target_url()

    def clean(self):
        cleaned = super().clean()
        redirect = self.instance
        try:
            path, query = redirects.split(cleaned.get("old_address", ""))
        except redirects.BadAddress as error:
            self.add_error("old_address", str(error))
            return cleaned
        new = cleaned.get("new_address", "")
        if not new and redirect.content_type_id:
            target = {}  # its item is not public now: keep pointing at it
        else:
            try:
                target = redirects.target_fields(new)
            except redirects.BadAddress as error:
                self.add_error("new_address", str(error))
                return cleaned
        taken = Redirect.objects.filter(old_path=path, old_query=query).exclude(pk=redirect.pk)
        if taken.exists():
            self.add_error("old_address", "A redirect from this address exists already.")
        redirect.old_path, redirect.old_query = path, query
        for name, value in target.items():
            setattr(redirect, name, value)
        ends = redirect.target_url()
        if ends and ends.startswith("/") and redirects.split(ends) == (path, query):
            self.add_error("new_address", "The new address is the old one: readers would be "
                           "sent round in a loop.")  # fmt: skip
        return cleaned


@admin.register(Redirect)
class RedirectAdmin(SiteModelAdmin):
    form = RedirectForm
    list_display = ["old_address", "goes_to", "permanent", "hits", "last_hit", "automatic"]
    list_filter = ["permanent", "automatic", "content_type"]
    search_fields = ["old_path", "old_query", "target_path"]
    list_select_related = ["content_type"]
    readonly_fields = ["hits", "last_hit", "automatic", "created_at"]
    fieldsets = [
        (None, {"fields": ["old_address", "new_address", "permanent"]}),
        ("Use", {"fields": ["hits", "last_hit", "automatic", "created_at"]}),
    ]
    ordering = ["old_path", "old_query"]

    @admin.display(description="Old address", ordering="old_path")
    def old_address(self, obj):
        return obj.old_address

    @admin.display(description="Goes to")
    def goes_to(self, obj):
        if not obj.content_type_id:
            return obj.target_path
        item = obj.item  # prefetched, a query per kind of item on the page
        if item is None:
            return f"{obj.content_type.name} (deleted): nowhere, answers 404"
        public = "" if redirects.is_public(item) else " (not public now: answers 404)"
        return format_html(
            "{}: {} <span class='muted'>{}{}</span>",
            obj.content_type.name,
            item,
            item.get_absolute_url(),
            public,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("item")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.collapse_chains()
