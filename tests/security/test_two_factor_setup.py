"""Enrolling an authenticator on first sign-in when ADMIN_2FA_REQUIRED is on (vi and en)."""

import re
import time

import pytest
from axes.utils import reset as reset_axes
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db
PASSWORD = "Mã-một-lần-bảo-vệ-2026"
SETUP = "/admin/two-factor/setup/"


@pytest.fixture(autouse=True)
def required(settings):
    reset_axes()
    settings.ADMIN_2FA_REQUIRED = True
    yield
    reset_axes()


@pytest.fixture
def editor(make_department, django_user_model):
    department = make_department("so-otp")
    user = django_user_model.objects.create_user("bientap-otp", password=PASSWORD)
    user.groups.add(department.editors_group)
    return user


def code_for(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def sign_in(client, code=None):
    data = {"username": "bientap-otp", "password": PASSWORD}
    if code is not None:
        data["otp_token"] = code
    return client.post(reverse("wagtailadmin_login"), data)


def test_an_editor_enrols_on_first_sign_in_then_needs_the_code(client, editor):
    assert sign_in(client).status_code == 302
    # Every admin page leads to the setup page until an authenticator is confirmed.
    for url in ("/admin/", "/admin/pages/", "/admin/documents/"):
        assert client.get(url).url == SETUP, url
    page = client.get(SETUP)
    html = page.content.decode()
    assert "Thiết lập đăng nhập hai lớp" in html
    key = re.search(r"data-cong-otp-key>([A-Z2-7 ]+)<", html).group(1)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert key.replace(" ", "") in device.config_url

    wrong = client.post(SETUP, {"otp_token": "000000"})
    assert wrong.status_code == 200
    assert "Mã này sai hoặc đã hết hạn" in wrong.content.decode()
    assert client.get("/admin/").url == SETUP

    time.sleep(1.1)  # django-otp throttles for 1 s after a wrong code
    done = client.post(SETUP, {"otp_token": code_for(device)})
    assert done.url == reverse("wagtailadmin_home")
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200

    # Next time the password alone is not enough.
    client.logout()
    refused = sign_in(client)
    assert refused.status_code == 200 and "_auth_user_id" not in client.session
    device.refresh_from_db()
    device.last_t = -1  # the enrolment code was used; the next window's code is fresh
    device.save()
    assert sign_in(client, code=code_for(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_setup_page_speaks_the_users_admin_language(client, editor):
    from wagtail.users.models import UserProfile

    sign_in(client)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = client.get(SETUP).content.decode()
    assert "Set up two-factor sign-in" in html and "Thiết lập" not in html
    profile.preferred_language = "vi"
    profile.save()
    html = client.get(SETUP).content.decode()
    assert "Thiết lập đăng nhập hai lớp" in html and "Set up two-factor" not in html


def test_without_the_requirement_nobody_is_sent_to_setup(client, editor, settings):
    settings.ADMIN_2FA_REQUIRED = False
    sign_in(client)
    assert client.get("/admin/").status_code == 200
    assert not TOTPDevice.objects.exists()
