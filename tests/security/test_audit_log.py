"""Wagtail's audit log stays on: publishing and unpublishing leave entries that
administrators can read in the page history."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from cms.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(make_department, admin_user):
    department = make_department("so-kiem-thu")
    home = department.site.root_page
    page = StandardPage(title="Trang kiểm tra nhật ký", slug="kiem-tra-nhat-ky", live=False)
    home.add_child(instance=page)
    return page


def test_publishing_a_page_writes_an_audit_entry_with_the_user(page, admin_user):
    page.save_revision(user=admin_user).publish(user=admin_user)

    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").get()
    assert entry.user == admin_user
    assert entry.revision_id == page.latest_revision_id


def test_unpublishing_is_logged_too(page, admin_user):
    page.save_revision(user=admin_user).publish(user=admin_user)
    page.refresh_from_db()
    page.unpublish(user=admin_user)
    actions = list(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert "wagtail.unpublish" in actions


def test_the_history_view_shows_the_entry(page, admin_user, admin_client):
    page.save_revision(user=admin_user).publish(user=admin_user)
    response = admin_client.get(reverse("wagtailadmin_pages:history", args=[page.id]))
    assert response.status_code == 200
    entries = PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    assert entries.exists()
    assert any(entry.action == "wagtail.publish" for entry in response.context["object_list"])
