"""Account pages in the admin's design: password reset by e-mail (Django's views), and the
two-factor pages: enter a code, set up an app, new backup codes."""

from base64 import b32encode

import segno
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import twofactor
from .forms import TokenForm

staff_login_required = login_required(login_url="admin:login")


class AdminContextMixin:
    """The admin's header, title and links on a page the admin site does not serve itself."""

    def get_context_data(self, **kwargs):
        return {**admin.site.each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordResetView(AdminContextMixin, auth_views.PasswordResetView):
    pass


class PasswordResetDoneView(AdminContextMixin, auth_views.PasswordResetDoneView):
    pass


class PasswordResetConfirmView(AdminContextMixin, auth_views.PasswordResetConfirmView):
    pass


class PasswordResetCompleteView(AdminContextMixin, auth_views.PasswordResetCompleteView):
    pass


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else reverse("admin:index")


def _render(request, template: str, title: str, **context) -> TemplateResponse:
    context = {**admin.site.each_context(request), "title": title, "next": _next(request),
               **context}  # fmt: skip
    return TemplateResponse(request, f"admin/accounts/{template}", context)


@never_cache
@sensitive_post_parameters("token")
@staff_login_required
def verify(request):
    """The second step of the login: a code from the app, or a backup code."""
    if not twofactor.has_app(request.user):
        return redirect(f"{reverse('two-factor:setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = twofactor.matching_device(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", "That code is not right, or has been used. Try the next one.")
    return _render(request, "verify.html", "Two-factor login", form=form)


@never_cache
@sensitive_post_parameters("token")
@staff_login_required
def setup(request):
    """Scan the QR code into an authenticator app and type its first code to confirm."""
    if twofactor.has_app(request.user):
        return redirect("two-factor:manage")
    device = twofactor.pending_app(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if twofactor.confirm_app(device, form.cleaned_data["token"]):
            otp_login(request, device)
            codes = twofactor.new_backup_codes(request.user)
            return _render(request, "backup_codes.html", "Your backup codes", codes=codes)
        form.add_error("token", "That code is not right: check the app's clock, then try again.")
    secret = b32encode(device.bin_key).decode()
    return _render(
        request,
        "setup.html",
        "Set up two-factor login",
        form=form,
        qr_code=qr_svg(device.config_url),
        secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
    )


def qr_svg(data: str) -> SafeString:
    """The QR code of `data` as inline SVG. segno writes only its own SVG elements, and the
    text it encodes (the otpauth address) becomes squares, never markup."""
    return mark_safe(segno.make(data, error="m").svg_inline(scale=4, border=2))  # noqa: S308


@never_cache
@staff_login_required
def manage(request):
    """What the user has set up; new backup codes (the old ones stop working)."""
    user = request.user
    if request.method == "POST" and twofactor.has_app(user) and user.is_verified():
        codes = twofactor.new_backup_codes(user)
        return _render(request, "backup_codes.html", "Your new backup codes", codes=codes)
    return _render(
        request,
        "manage.html",
        "Two-factor login",
        has_app=twofactor.has_app(user),
        codes_left=twofactor.backup_codes_left(user),
        required=twofactor.required(user),
    )
