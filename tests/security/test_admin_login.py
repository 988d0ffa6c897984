"""Admin login: lockout after repeated failures (django-axes), password rules."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as reset_axes
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "Cổng-tỉnh-an-toàn-2026"


@pytest.fixture(autouse=True)
def clean_axes_state():
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="bientapvien", email="btv@example.test", password=PASSWORD
    )


def login(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def fail_until_locked(client, username):
    statuses = [
        login(client, username, "sai-mat-khau").status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    return statuses


def test_the_right_password_logs_in(client, editor):
    response = login(client, "bientapvien", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, editor):
    statuses = fail_until_locked(client, "bientapvien")
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the form, with an error
    assert statuses[-1] == 429

    response = login(client, "bientapvien", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # back to the login page


def test_the_lock_ends_after_the_cool_off(client, editor):
    fail_until_locked(client, "bientapvien")
    assert login(client, "bientapvien", PASSWORD).status_code == 429

    # Move the recorded failures back in time, past the cool-off.
    cool_off = timedelta(hours=settings.AXES_COOLOFF_TIME)
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time -= cool_off + timedelta(minutes=1)
        attempt.save(update_fields=["attempt_time"])

    response = login(client, "bientapvien", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_a_locked_username_does_not_lock_out_other_editors(client, editor, django_user_model):
    django_user_model.objects.create_user(
        username="nguoikhac", password=PASSWORD, is_superuser=True
    )
    fail_until_locked(client, "bientapvien")
    assert login(client, "nguoikhac", PASSWORD).status_code == 302


def test_failures_below_the_limit_are_forgotten_after_a_success(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "bientapvien", "sai-mat-khau")
    assert login(client, "bientapvien", PASSWORD).status_code == 302
    client.logout()
    # A fresh budget of failures: one more mistake does not lock.
    assert login(client, "bientapvien", "sai-mat-khau").status_code == 200
    assert login(client, "bientapvien", PASSWORD).status_code == 302


@pytest.mark.parametrize("weak", ["ngắn-quá-1", "password1234", "123456789012345"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(ValidationError):
        validate_password(weak)


def test_a_long_passphrase_is_accepted():
    validate_password("mùa lúa chín vàng trên đồng Long An")
