"""Scheduled publishing: go-live and expiry through Wagtail's `publish_scheduled`.

No sleeping and no fake clock: pages are scheduled at explicit times relative
to now (a day ahead), the command runs and must leave them alone; then the
stored schedule is moved to an explicit past time, which is exactly what the
command sees once the real clock passes it, and the command must act.
"""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.news.models import NewsArticlePage, NewsIndexPage


@pytest.fixture
def news_index(make_department):
    department = make_department("so-lich")
    return NewsIndexPage.objects.child_of(department.site.root_page).get()


def add_article(parent, slug):
    page = NewsArticlePage(title=f"Bài {slug}", slug=slug, live=False)
    parent.add_child(instance=page)
    return page


def api_slugs(client, site_hostname):
    response = client.get("/api/v2/pages/", {"site": site_hostname, "type": "news.NewsArticlePage"})
    assert response.status_code == 200
    return {item["meta"]["slug"] for item in response.json()["items"]}


def test_page_goes_live_only_when_publish_scheduled_runs_after_go_live_at(news_index, client):
    now = timezone.now()
    page = add_article(news_index, "hen-gio")
    page.go_live_at = now + timedelta(days=1)
    revision = page.save_revision()
    revision.publish()

    page.refresh_from_db()
    revision.refresh_from_db()
    assert not page.live
    assert revision.approved_go_live_at == now + timedelta(days=1)

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live, "published before its go-live time"
    assert "hen-gio" not in api_slugs(client, "so-lich.test")

    # The clock reaches the scheduled time: every stored copy of the schedule
    # (the approved revision, its content, the page row) is now in the past.
    went_live_at = now - timedelta(minutes=1)
    revision.approved_go_live_at = went_live_at
    revision.content["go_live_at"] = went_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    NewsArticlePage.objects.filter(pk=page.pk).update(go_live_at=went_live_at)
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    assert "hen-gio" in api_slugs(client, "so-lich.test")


def test_expire_at_unpublishes(news_index, client):
    now = timezone.now()
    page = add_article(news_index, "het-han")
    page.expire_at = now + timedelta(days=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live

    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live, "unpublished before its expiry time"

    NewsArticlePage.objects.filter(pk=page.pk).update(expire_at=now - timedelta(minutes=1))
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert "het-han" not in api_slugs(client, "so-lich.test")
