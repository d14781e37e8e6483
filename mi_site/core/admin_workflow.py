"""The editorial workflow in the admin: buttons on the change form, bulk actions, changes to
live items held for review, and the refusal of a save that would overwrite someone else's.

Everything that changes publishing state goes through `mi_site.core.workflow`.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format

from . import audit, notifications, previews, revisions, sharing, workflow
from .models import Action
from .publishing import Status

PUBLIC = (Status.PUBLISHED, Status.ARCHIVED)  # what a publisher approved: edits wait for review

# Change-form buttons: POST name -> the workflow function run after the form is saved.
BUTTONS = {
    "_submit": workflow.submit,
    "_publish": workflow.publish,
    "_schedule": workflow.schedule,
    "_unpublish": workflow.unpublish,
    "_reject": workflow.reject,  # handled before the form is saved: see send_back()
    "_archive": workflow.archive,
    "_unarchive": workflow.unarchive,
}


def edit_token(item) -> str:
    """Changes whenever the item or its changes waiting for review do."""
    return f"{revisions.latest_id(item) or 0}:{item.updated_at.isoformat()}"


class WorkflowForm(forms.ModelForm):
    """Every publishable item's admin form: the edit token that refuses lost updates, and the
    note that goes with a submission or a rejection."""

    edit_token = forms.CharField(widget=forms.HiddenInput, required=False)
    workflow_note = forms.CharField(
        label="Note",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text="For the publisher when you submit, for the editor when you send it back.",
    )
    opened_token = ""  # set by the admin: the token of the version the form shows
    button = ""  # the workflow button pressed, if any
    previewing = False  # a preview saves nothing, so it overwrites no one
    stored_token = None  # the stored item's token, when the form shows a change applied to it

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edit_token"].initial = self.opened_token

    def clean(self):
        cleaned = super().clean()
        if self.button == "_schedule" and "publish_at" in self.fields:
            at = cleaned.get("publish_at")
            if at is None or at <= timezone.now():
                self.add_error("publish_at", "Give a publish time in the future to schedule.")
        if (
            self.button == "_reject"
            and "workflow_note" in self.fields
            and not cleaned.get("workflow_note", "").strip()
        ):
            self.add_error("workflow_note", "Say what needs to change: the editor sees it.")
        if self.instance.pk and not self.previewing:
            self._refuse_lost_update(cleaned.get("edit_token", ""))
        return cleaned

    def _refuse_lost_update(self, token: str) -> None:
        stored = type(self.instance)._default_manager.select_for_update().get(pk=self.instance.pk)
        current = self.stored_token or edit_token(stored)
        if token == current:
            return
        last = audit.last_change(stored)
        who = last.username if last else "Someone"
        when = date_format(timezone.localtime(last.at if last else stored.updated_at), "j F Y, H:i")
        # Saving again on purpose replaces their version: the form now carries the new token.
        self.data = self.data.copy()
        self.data[self.add_prefix("edit_token")] = current
        raise ValidationError(
            f"{who} changed this item on {when}, after you opened it. Nothing was saved, and "
            "everything you typed is still below. Open the item in another tab to see their "
            "version; save again only to replace it with yours.",
            code="lost_update",
        )


def _action(function, label: str, *, permission: str):
    def run(modeladmin, request, queryset):
        report = workflow.for_each(function, queryset, user=request.user)
        modeladmin.report(request, label, report)

    run.__name__ = f"bulk_{function.__name__}"
    return admin.action(description=label, permissions=[permission])(run)


class WorkflowAdminMixin:
    form = WorkflowForm
    change_form_template = "admin/publishing/change_form.html"
    actions = [
        _action(workflow.submit, "Submit selected for review", permission="change"),
        _action(workflow.publish, "Publish selected now", permission="publish"),
        _action(workflow.unpublish, "Unpublish selected", permission="publish"),
        _action(workflow.archive, "Archive selected", permission="publish"),
        _action(workflow.unarchive, "Restore selected from the archive", permission="publish"),
    ]

    def report(self, request, label: str, report: workflow.BulkReport) -> None:
        if report.done:
            names = ", ".join(f"\u201c{item}\u201d" for item in report.done[:5])
            more = f" and {len(report.done) - 5} more" if len(report.done) > 5 else ""
            self.message_user(
                request, f"{label}: done for {len(report.done)} ({names}{more}).", messages.SUCCESS
            )
        for item, reason in report.skipped:
            self.message_user(request, f"Skipped \u201c{item}\u201d: {reason}", messages.WARNING)

    # The form ---------------------------------------------------------------------------

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        stored = getattr(request, "_stored_token", None)
        opened = stored or (edit_token(obj) if obj is not None else "")
        button = next((name for name in BUTTONS if name in request.POST), "")
        previewing = getattr(request, "_previewing", False)
        return type(
            form.__name__,
            (form,),
            {
                "opened_token": opened,
                "stored_token": stored,
                "button": button,
                "previewing": previewing,
            },
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """An item with a change waiting for review is edited as that change: the form shows
        it, and a save builds on it, so the next person never silently drops it."""
        item = self.get_object(request, unquote(object_id)) if object_id else None
        change = revisions.pending(item) if item is not None else None
        extra_context = {**(extra_context or {}), **self.workflow_context(request, item, change)}
        if request.method == "POST" and item is not None and "_reject" in request.POST:
            return self.send_back(request, item)
        if change is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        # The token of the item as stored, taken before the change is applied below.
        request._stored_token = edit_token(item)
        with transaction.atomic():
            request._change_applied = transaction.savepoint()
            revisions.apply(item, change)
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()
            # Kept only when a publisher's save succeeded: it approves the change. A shown
            # form, a refused save or an edit held for review leave the item as it was.
            held = getattr(request, "_captured", None)
            if response.status_code != 302 or held is not None:
                transaction.savepoint_rollback(request._change_applied)
            if held is not None:
                self.hold_for_review(request, item, held, request.POST.get("workflow_note", ""))
        return response

    def send_back(self, request, item):
        """ "Send back" saves nothing from the form: the editor's version stays as they left
        it, with the publisher's note."""
        note = request.POST.get("workflow_note", "")
        try:
            workflow.reject(item, user=request.user, comment=note)
        except workflow.WorkflowError as refusal:
            self.message_user(request, f"Not sent back: {refusal}", messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(
            request, f"\u201c{item}\u201d was sent back with your note.", messages.SUCCESS
        )
        return self.response_post_save_change(request, item)

    def workflow_context(self, request, item, change) -> dict:
        if item is None:
            return {"may_publish": self.has_publish_permission(request)}
        may_publish = workflow.may_publish(request.user, item)
        return {
            "may_publish": may_publish,
            "share_links": [
                (link, request.build_absolute_uri(sharing.path_of(link)))
                for link in sharing.active_for(item)
            ]
            if may_publish
            else [],
            "pending_change": change,
            "last_rejection": audit.last_change(item),
        }

    # Saving -----------------------------------------------------------------------------

    def holds_for_review(self, request, obj) -> bool:
        """An edit of approved content by someone who may not publish waits for review."""
        return (
            not workflow.may_publish(request.user, obj)
            and type(obj)._default_manager.filter(pk=obj.pk, status__in=PUBLIC).exists()
        )

    def save_model(self, request, obj, form, change):
        previewing = getattr(request, "_previewing", False)
        if change and not previewing and self.holds_for_review(request, obj):
            request._proposal = revisions.begin_proposal()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if getattr(request, "_previewing", False):
            return
        obj, note = form.instance, form.cleaned_data.get("workflow_note", "")
        savepoint = getattr(request, "_proposal", None)
        if savepoint is not None:
            versions = revisions.capture(obj, user=request.user, comment=note)
            if getattr(request, "_change_applied", None) is not None:
                # changeform_view rolls back to before the waiting change, then holds this.
                request._captured = versions
                return
            transaction.savepoint_rollback(savepoint)
            self.hold_for_review(request, obj, versions, note)
            return
        if change and workflow.may_publish(request.user, obj):
            # The form showed the change waiting for review: saving it approves it.
            approved = revisions.settle_pending(obj)
            if approved is not None:
                workflow.record_approval(obj, approved, user=request.user)
        revisions.record(obj, user=request.user, comment=note)
        audit.record(request.user, Action.EDIT if change else Action.CREATE, obj)

    def hold_for_review(self, request, obj, versions, note: str) -> None:
        revisions.store_pending(obj, versions, user=request.user, comment=note)
        audit.record(
            request.user, Action.SUBMIT, obj, comment=note or "A change to the published version"
        )
        notifications.submitted(obj, by=request.user, comment=note, change=True)

    def _run_button(self, request, obj) -> bool:
        """Run the workflow button pressed, if any; True when one was."""
        button = next((name for name in BUTTONS if name in request.POST), None)
        if button is None:
            return False
        note = request.POST.get("workflow_note", "")
        kwargs = {
            "_schedule": {"at": obj.publish_at},
            "_reject": {"comment": note},
            "_submit": {"comment": note},
        }.get(button, {})
        if button == "_publish" and obj.is_live and revisions.pending(obj) is None:
            self.message_user(request, f"\u201c{obj}\u201d is live.", messages.SUCCESS)
            return True
        try:
            BUTTONS[button](obj, user=request.user, **kwargs)
        except workflow.WorkflowError as refusal:
            self.message_user(request, f"Saved, but not done: {refusal}", messages.WARNING)
        else:
            obj.refresh_from_db()
            self.message_user(
                request, f"\u201c{obj}\u201d is now {obj.state.label.lower()}.", messages.SUCCESS
            )
        return True

    def response_add(self, request, obj, post_url_continue=None):
        if self._run_button(request, obj):
            return self.response_post_save_add(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if getattr(request, "_previewing", False):
            return previews.render(request, obj, note="with your unsaved changes")
        if getattr(request, "_proposal", None) is not None:
            self.message_user(
                request,
                f"Your changes to \u201c{obj}\u201d wait for a "
                "publisher's approval; the public still sees the published "
                "version.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if self._run_button(request, obj):
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)

    def delete_model(self, request, obj):
        audit.record(request.user, Action.DELETE, obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            audit.record(request.user, Action.DELETE, obj)
        super().delete_queryset(request, queryset)
