"""Optional TOTP two-factor sign-in for the Wagtail admin (django-otp).

An account with a confirmed authenticator (`manage.py totp_device USERNAME`)
must type the 6-digit code from its app together with the password, on the
same login page (WAGTAILADMIN_USER_LOGIN_FORM). Accounts without one sign in
with the password alone, unless ADMIN_2FA_REQUIRED is on: then a superuser
without an authenticator is refused until the IT team sets one up.

The one-time codes are checked by django-otp (RFC 6238, with its throttling
after failures); a wrong code also counts as a failed login for the lockout
(django-axes), so the password cannot be used to guess codes for ever.
"""

from django import forms
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, user_has_device
from wagtail.admin.forms.auth import LoginForm


def verify_code(user, code):
    """The user's confirmed device that accepts this code, or None."""
    code = "".join(code.split())
    if not code.isdigit():
        return None
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if device.verify_token(code):
                return device
    return None


class TwoFactorLoginForm(LoginForm):
    otp_token = forms.CharField(
        label=_("Authenticator code"),
        required=False,
        max_length=12,
        help_text=_("The 6-digit code from your authenticator app, if your account uses one."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    error_messages = {
        **LoginForm.error_messages,
        "invalid_otp": _("The authenticator code is missing or wrong. Please try again."),
        "otp_required": _(
            "Your account must use two-factor sign-in, and no authenticator is set up "
            "for it yet. Please ask the IT team to set one up."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()  # checks the password (and the lockout)
        user = self.get_user()
        if user is None:
            return cleaned_data
        if user_has_device(user, confirmed=True):
            if verify_code(user, cleaned_data.get("otp_token") or "") is None:
                self._count_as_failed_login(user)
                raise forms.ValidationError(self.error_messages["invalid_otp"], code="invalid_otp")
        elif getattr(settings, "ADMIN_2FA_REQUIRED", False) and user.is_superuser:
            raise forms.ValidationError(self.error_messages["otp_required"], code="otp_required")
        return cleaned_data

    def _count_as_failed_login(self, user):
        self.user_cache = None
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
        )
