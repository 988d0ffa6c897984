"""Enrolling an authenticator on first sign-in, when ADMIN_2FA_REQUIRED is on.

An editor or moderator without a confirmed authenticator signs in with the
password, and every admin page then leads to /admin/two-factor/setup/ until
they add the key shown there to an authenticator app and confirm it with a
code. From then on the login page asks for the code (cms/core/two_factor.py).
The account's first sign-in is the trust anchor: set ADMIN_2FA_REQUIRED before
handing out passwords, and give new accounts a one-time password.
"""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

SESSION_FLAG = "cong_2fa_ok"
DEVICE_NAME = "authenticator"


def required():
    return getattr(settings, "ADMIN_2FA_REQUIRED", False)


class ConfirmCodeForm(forms.Form):
    otp_token = forms.CharField(
        label=gettext_lazy("Code from the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _pending_device(user):
    """The user's unconfirmed authenticator (created once, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def _grouped_key(device):
    secret = re.search(r"secret=([A-Z2-7]+)", device.config_url).group(1)
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def setup_view(request):
    user = request.user
    home = reverse("wagtailadmin_home")
    if user_has_device(user, confirmed=True):
        request.session[SESSION_FLAG] = True
        return redirect(home)
    device = _pending_device(user)
    form = ConfirmCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = "".join(form.cleaned_data["otp_token"].split())
        if code.isdigit() and device.verify_token(code):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            request.session[SESSION_FLAG] = True
            messages.success(
                request,
                _("Two-factor sign-in is on. From now on, sign in with your password and a code."),
            )
            return redirect(home)
        form.add_error("otp_token", _("This code is wrong or has expired. Try the current one."))
    return TemplateResponse(
        request,
        "core/two_factor_setup.html",
        {"form": form, "key": _grouped_key(device), "config_url": device.config_url},
    )


class RequireTwoFactorMiddleware:
    """With ADMIN_2FA_REQUIRED, admin pages wait until the user has an authenticator."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if required() and self._must_enrol(request):
            return redirect("cong_two_factor_setup")
        return self.get_response(request)

    @staticmethod
    def _must_enrol(request):
        path = request.path_info
        admin = reverse("wagtailadmin_home")
        if not path.startswith(admin) or not request.user.is_authenticated:
            return False
        allowed = (reverse("cong_two_factor_setup"), reverse("wagtailadmin_logout"))
        if path in allowed or path.startswith(admin + "jsi18n"):
            return False
        if request.session.get(SESSION_FLAG):
            return False
        if user_has_device(request.user, confirmed=True):
            # Signed in with a code (the login form checks it): remember, one query less.
            request.session[SESSION_FLAG] = True
            return False
        return True
