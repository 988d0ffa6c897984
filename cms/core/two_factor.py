"""TOTP two-factor sign-in for the Wagtail admin (django-otp).

An account with a confirmed authenticator (enrolled on first sign-in, see
two_factor_setup.py, or `manage.py totp_device USERNAME`) must type the
6-digit code from its app together with the password, on the same login page
(WAGTAILADMIN_USER_LOGIN_FORM). With ADMIN_2FA_REQUIRED (on by default in
production) an account without one signs in with the password and must then
set one up before any admin page opens.

The one-time codes are checked by django-otp (RFC 6238, with its throttling
after failures); a wrong code also counts as a failed login for the lockout
(django-axes), so the password cannot be used to guess codes for ever.
"""

from django import forms
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
    }

    def clean(self):
        cleaned_data = super().clean()  # checks the password (and the lockout)
        user = self.get_user()
        if user is None:
            return cleaned_data
        code = cleaned_data.get("otp_token") or ""
        if user_has_device(user, confirmed=True) and verify_code(user, code) is None:
            self._count_as_failed_login(user)
            raise forms.ValidationError(self.error_messages["invalid_otp"], code="invalid_otp")
        return cleaned_data

    def _count_as_failed_login(self, user):
        self.user_cache = None
        user_login_failed.send(
            sender=__name__,
            credentials={"username": user.get_username()},
            request=self.request,
        )
