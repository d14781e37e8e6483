"""Two-factor login with django-otp: a TOTP authenticator app, and one-time backup codes.

Who must pass it: whoever has set up an authenticator app, and, when MI_SITE_REQUIRE_2FA is
on (by default whenever DEBUG is off), superusers and the roles of `TWO_FACTOR_ROLES`
(publishers and site administrators). They log in with their password on the admin's own
login page as everyone does (lockout included); until they have entered a code,
`TwoFactorMiddleware` sends every staff address (the admin, the editor's upload endpoint) to
the code page, or to the setup page when they have no app yet. Codes are checked by
django-otp, which slows down guessing after each wrong code.

A site administrator who has lost their phone uses a backup code; one who has lost both asks
another site administrator (or a superuser) to reset their two-factor login: nobody resets
their own (StaffUserAdmin), and the operator can with `manage.py reset_two_factor`.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from mi_site.core.headers import is_staff_path
from mi_site.roles import TWO_FACTOR_ROLES

BACKUP_CODES = 10
APP = "Authenticator app"
BACKUP = "Backup codes"


def has_app(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def required(user) -> bool:
    """Must this user enter a code before reaching any staff page?"""
    if not user.is_authenticated:
        return False
    if settings.MI_SITE_REQUIRE_2FA and (
        user.is_superuser or user.groups.filter(name__in=TWO_FACTOR_ROLES).exists()
    ):
        return True
    return has_app(user)


def pending_app(user) -> TOTPDevice:
    """The app being set up: kept unconfirmed until its first code, so the QR code shown
    stays the same when the page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP, confirmed=False)


def confirm_app(device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with fresh ones (shown once, stored as django-otp does)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=BACKUP)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def matching_device(user, token: str):
    """The confirmed device that accepts `token` (the app's code or a backup code), if any."""
    for model in (TOTPDevice, StaticDevice):
        for device in model.objects.devices_for_user(user, confirmed=True):
            if device.verify_token(token):
                return device
    return None


def reset(user) -> int:
    """Forget the user's app and backup codes: their next login sets up a new app."""
    apps, _ = TOTPDevice.objects.filter(user=user).delete()
    codes, _ = StaticDevice.objects.filter(user=user).delete()
    return apps + codes


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if is_staff_path(path) and not self._open(path):
            user = request.user
            if user.is_authenticated and not user.is_verified() and required(user):
                target = "two-factor:verify" if has_app(user) else "two-factor:setup"
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _open(path: str) -> bool:
        """The pages a half-logged-in user may reach: the code pages and logging out."""
        return path.startswith((reverse("two-factor:verify"), reverse("two-factor:setup"),
                                reverse("admin:logout")))  # fmt: skip
