"""Fixtures of the security tests: an administrator and an isolated media folder."""

import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a fresh folder, so a test sees exactly what it stored."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser(
        username="quantri", email="quantri@example.test", password="Mật-khẩu-đủ-dài-2026"
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client
