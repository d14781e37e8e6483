"""The account form site administrators use, and the two-factor code form."""

from django import forms
from django.contrib.auth.forms import UserChangeForm

from . import policy


class StaffUserChangeForm(UserChangeForm):
    """Django's user form with the rules of `policy`; `acting_user` is set per request by the
    admin (StaffUserAdmin.get_form). A superuser acting is bound by none of them."""

    acting_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._bound_by_rules() and self.instance.pk == self.acting_user.pk:
            groups = self.fields.get("groups")
            if groups is not None:
                # A disabled field keeps the stored value whatever a crafted POST says.
                groups.disabled = True
                groups.help_text = "Nobody changes their own roles: ask another site administrator."

    def _bound_by_rules(self) -> bool:
        return self.acting_user is not None and not self.acting_user.is_superuser

    def clean(self):
        cleaned = super().clean()
        if not self._bound_by_rules() or "groups" not in cleaned:
            return cleaned
        groups = set(cleaned["groups"])
        before = set(self.instance.groups.all()) if self.instance.pk else set()
        refused = policy.ungrantable(self.acting_user, groups - before)
        if refused:
            names = ", ".join(group.name for group in refused)
            self.add_error(
                "groups",
                f"You cannot grant {names}: the role holds permissions your own account does "
                "not have. Ask a superuser, or a site administrator who holds that role.",
            )
        if policy.leaves_no_site_administrator(
            self.instance,
            is_active=cleaned.get("is_active", self.instance.is_active),
            is_staff=cleaned.get("is_staff", self.instance.is_staff),
            groups=groups,
        ):
            raise forms.ValidationError(
                f"{self.instance.get_username()} is the last active site administrator: make "
                "someone else a site administrator first."
            )
        return cleaned


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The six digits your authenticator app shows, or one of your backup codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).lower()
