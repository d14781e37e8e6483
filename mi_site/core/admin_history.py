"""History, comparison, restore and preview pages of every publishable item's admin."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.db import transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from . import diffs, previews, revisions, sharing, workflow
from .models import AuditEntry


class HistoryAdminMixin:
    object_history_template = "admin/publishing/history.html"

    def get_urls(self):
        opts = self.opts
        name = f"{opts.app_label}_{opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/", wrap(self.compare_view), name=f"{name}_compare"
            ),
            path(
                "<path:object_id>/history/<int:revision_id>/restore/",
                wrap(self.restore_view),
                name=f"{name}_restore",
            ),
            path("<path:object_id>/preview/", wrap(self.preview_view), name=f"{name}_preview"),
            path("<path:object_id>/share/", wrap(self.share_view), name=f"{name}_share"),
            *super().get_urls(),
        ]

    def _item_for(self, request, object_id):
        """The item, for staff who may change it; anyone else gets a 404, not a hint."""
        item = self.get_object(request, unquote(object_id))
        if item is None or not self.has_change_permission(request, item):
            raise Http404
        return item

    def get_view_on_site_url(self, obj=None):
        if obj is not None and not obj.is_live:
            opts = self.opts
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[obj.pk])
        return super().get_view_on_site_url(obj)

    def history_view(self, request, object_id, extra_context=None):
        item = self._item_for(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": item,
            "title": f"History: {item}",
            "versions": revisions.history(item),
            "pending_change": revisions.pending(item),
            "entries": AuditEntry.objects.filter(
                content_type__app_label=self.opts.app_label,
                content_type__model=self.opts.model_name,
                object_id=str(item.pk),
            )[:100],
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request, object_id):
        """Two versions field by field. `a`/`b` are revision ids, or "now" for the item as
        stored; by default the published version against the change waiting for review."""
        item = self._item_for(request, object_id)
        pending = revisions.pending(item)
        wanted = [
            request.GET.get("a", "now"),
            request.GET.get("b", str(pending.pk) if pending else "now"),
        ]
        versions = {str(s.revision_id): s.revision for s in revisions.history(item)}
        if any(key != "now" and key not in versions for key in wanted):
            raise Http404("No such version of this item.")
        with revisions.as_stored_now(item) as now:
            versions["now"] = now
            older, newer = (diffs.readable(versions[key], type(item)) for key in wanted)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": item,
            "title": f"Compare versions: {item}",
            "a": versions[wanted[0]] if wanted[0] != "now" else None,
            "b": versions[wanted[1]] if wanted[1] != "now" else None,
            "changes": diffs.compare(older, newer),
        }
        return TemplateResponse(request, "admin/publishing/compare.html", context)

    def restore_view(self, request, object_id, revision_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._item_for(request, object_id)
        version = next(
            (s.revision for s in revisions.history(item) if s.revision_id == revision_id), None
        )
        if version is None:
            raise Http404("No such version of this item.")
        try:
            workflow.restore_version(item, user=request.user, revision=version)
        except workflow.WorkflowError as refusal:
            self.message_user(request, f"Not restored: {refusal}", messages.ERROR)
        else:
            item.refresh_from_db()
            waits = (
                " It waits for a publisher's approval."
                if item.status in ("published", "archived")
                else ""
            )
            self.message_user(
                request, f"The old version is back as a draft.{waits}", messages.SUCCESS
            )
        opts = self.opts
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        )

    def preview_view(self, request, object_id):
        """GET: the item as its next version will look (a change waiting for review included).
        POST (the change form's Preview button): the form as typed, saved in a savepoint that
        is rolled back once the page is rendered."""
        item = self._item_for(request, object_id)
        if request.method == "POST":
            request._previewing = True
            with transaction.atomic():
                savepoint = transaction.savepoint()
                try:
                    return self.changeform_view(request, object_id)
                finally:
                    transaction.savepoint_rollback(savepoint)
        change = revisions.pending(item)
        if change is None:
            return previews.render(request, item)
        with revisions.applied(item, change) as changed:
            return previews.render(request, changed, note="with the change waiting for review")

    def share_view(self, request, object_id):
        """POST: make a share link (`revoke=<id>`: revoke one). Publishers only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        item = self._item_for(request, object_id)
        if not workflow.may_publish(request.user, item):
            raise Http404
        revoking = request.POST.get("revoke", "")
        if revoking:
            link = sharing.active_for(item).filter(pk=int(revoking) if revoking.isdigit() else 0)
            for found in link:
                sharing.revoke(found, user=request.user)
            self.message_user(
                request, "The share link was revoked: it no longer opens.", messages.SUCCESS
            )
        else:
            link = sharing.make(item, user=request.user)
            url = request.build_absolute_uri(sharing.path_of(link))
            self.message_user(
                request,
                f"Share link, valid until {link.expires_at:%d %b %Y}: {url}",
                messages.SUCCESS,
            )
        opts = self.opts
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk])
        )
