"""Shared set-up for the publish-on-save tests: a department, tmp output folders, a backend."""

import pytest

from cms.news.models import NewsArticlePage, NewsIndexPage

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": ["default"]}}
IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


@pytest.fixture
def build_dirs(settings, tmp_path, monkeypatch):
    """dist/, var/, the search index and a folder publish target, all under tmp_path."""
    settings.DIST_DIR = tmp_path / "dist"
    settings.VAR_DIR = tmp_path / "var"
    settings.PUBLISH_TARGET = str(tmp_path / "www")
    settings.PUBLISH_SETTLE_SECONDS = 0
    settings.PUBLISH_ON_SAVE = True
    settings.SEARCH_INDEX_PATH = tmp_path / "search-index"  # search/config.py reads settings
    settings.ELASTICSEARCH_URL = ""
    return tmp_path


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = DUMMY
    from cms.publishing.tasks import build_site

    backend = build_site.get_backend()
    backend.clear()
    return backend


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = IMMEDIATE


def news_index(department):
    return NewsIndexPage.objects.child_of(department.site.root_page).get()


def add_article(department, slug, *, show_on_portal=False):
    """A draft (not live) article in the department's vi news section."""
    page = NewsArticlePage(
        title=f"Bài {slug}", slug=slug, live=False, show_on_portal=show_on_portal
    )
    news_index(department).add_child(instance=page)
    return page


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page
