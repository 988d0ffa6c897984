"""Optional TOTP two-factor sign-in on the Wagtail admin login page."""

import time

import pytest
from axes.utils import reset as reset_axes
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "Hai-lớp-bảo-vệ-2026"


@pytest.fixture(autouse=True)
def clean_axes_state():
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri2fa", email="qt@example.test", password=PASSWORD
    )


@pytest.fixture
def device(administrator, capsys):
    call_command("totp_device", "quantri2fa")
    printed = capsys.readouterr().out
    device = TOTPDevice.objects.get(user=administrator)
    assert device.config_url in printed and "otpauth://totp/" in printed
    return device


def code_for(device, offset_steps=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def login(client, password=PASSWORD, code=None):
    data = {"username": "quantri2fa", "password": password}
    if code is not None:
        data["otp_token"] = code
    return client.post(reverse("wagtailadmin_login"), data)


def logged_in(client):
    return "_auth_user_id" in client.session


def form_error_codes(response):
    return {error.code for error in response.context["form"].non_field_errors().as_data()}


def test_the_login_page_offers_the_code_field(client):
    page = client.get(reverse("wagtailadmin_login")).content.decode()
    assert 'name="otp_token"' in page and 'autocomplete="one-time-code"' in page


def test_without_an_authenticator_the_password_is_enough(client, administrator):
    assert login(client).status_code == 302
    assert logged_in(client)


def test_with_an_authenticator_the_password_alone_is_refused(client, device):
    response = login(client)
    assert response.status_code == 200
    assert "invalid_otp" in form_error_codes(response)
    assert not logged_in(client)


def test_a_wrong_code_is_refused(client, device):
    wrong = f"{(int(code_for(device)) + 1) % 10**6:06d}"
    response = login(client, code=wrong)
    assert "invalid_otp" in form_error_codes(response)
    assert not logged_in(client)


def test_the_current_code_signs_in(client, device):
    response = login(client, code=code_for(device))
    assert response.status_code == 302
    assert logged_in(client)


def test_a_wrong_password_with_a_good_code_is_still_refused(client, device):
    response = login(client, password="sai-mat-khau-roi", code=code_for(device))
    assert response.status_code == 200
    assert "invalid_login" in form_error_codes(response)
    assert not logged_in(client)


def test_wrong_codes_count_towards_the_lockout(client, device):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(client, code="000000").status_code == 200
    assert login(client, code="000000").status_code == 429
    # Locked: even the right password and code are refused until the cool-off.
    assert login(client, code=code_for(device)).status_code == 429
    assert not logged_in(client)


def test_required_two_factor_lets_a_superuser_without_authenticator_in_only_to_enrol(
    client, administrator, settings
):
    settings.ADMIN_2FA_REQUIRED = True
    assert login(client).status_code == 302
    assert logged_in(client)
    assert client.get("/admin/").url == reverse("cong_two_factor_setup")


def test_removing_the_authenticator(client, device):
    call_command("totp_device", "quantri2fa", "--remove")
    assert not TOTPDevice.objects.exists()
    assert login(client).status_code == 302
