"""The editor's whole journey in chromium, as two real users of one department.

An editor writes a Vietnamese article and submits it; the site's moderator
approves it (live message with a link, page in dist/); the editor translates it
and submits the English version through the workflow; the moderator approves
it (English page in dist/); the editor edits the Vietnamese source and the
out-of-date report lists the translation; unpublishing takes both languages
off the static site. Builds are real (immediate tasks, on commit), the static
site is served by serve_sites' own server, the admin speaks Vietnamese.
Prints the seconds from the moderator's approval click to the file in dist/.
"""

import os
import socket
import threading
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.news.models import NewsArticlePage, NewsIndexPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "journey-password-4821"  # noqa: S105 - test users only
SHOTS = Path(os.environ.get("EDITORIAL_SHOTS", "")) if os.environ.get("EDITORIAL_SHOTS") else None
IMMEDIATE = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def static_root(settings, tmp_path, monkeypatch):
    """Real on-save builds into tmp dist/, served over HTTP; the served root URL."""
    from cms.publishing.management.commands.serve_sites import make_server

    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    settings.DIST_DIR = tmp_path / "dist"
    settings.VAR_DIR = tmp_path / "var"
    settings.PUBLISH_TARGET = str(tmp_path / "www")
    settings.PUBLISH_SETTLE_SECONDS = 0
    settings.PUBLISH_ON_SAVE = True
    settings.TASKS = IMMEDIATE
    settings.BUILD_BASE_URL = root
    settings.SEARCH_INDEX_PATH = tmp_path / "search-index"  # search/config.py reads settings
    settings.ELASTICSEARCH_URL = ""
    settings.DIST_DIR.mkdir()
    server = make_server("127.0.0.1", port, settings.DIST_DIR, f"{root}/api/search")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root
    server.shutdown()
    server.server_close()


def make_user(name, group):
    user = get_user_model().objects.create_user(name, password=PASSWORD)
    user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()
    return user


def login(browser, live_server, username):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def shot(page, name):
    if SHOTS:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def wait_for(predicate, timeout=60):
    start = time.monotonic()
    while not predicate():
        if time.monotonic() - start > timeout:
            raise AssertionError("timed out")
        time.sleep(0.05)
    return time.monotonic() - start


def approve(mod, page, root, dist, admin):
    """Approve `page` from the dashboard's "awaiting your review" panel; (seconds, url)."""
    from cms.editorial.live import static_url

    mod.goto(f"{admin}/admin/")
    row = mod.locator("tr", has_text=page.title).first
    row.locator("[data-w-dropdown-target='toggle'], button[aria-label]").last.click()
    url = static_url(NewsArticlePage.objects.get(pk=page.pk))
    path = Path(dist) / url[len(root) + 1 :] / "index.html"
    started = time.monotonic()
    row.locator("button[data-workflow-action-url*='/approve/']:not([data-launch-modal])").click()
    wait_for(lambda: path.is_file() and page.title in path.read_text("utf-8"))
    seconds = time.monotonic() - started
    assert_live_message(mod, url)
    return seconds, url


def assert_live_message(page, url):
    link = page.locator(f".messages a[href='{url}']")
    link.wait_for(timeout=30_000)
    assert "trang công khai" in page.locator(".messages").inner_text()


def test_editor_and_moderator_take_an_article_live_in_both_languages(
    make_department, live_server, static_root, transactional_browser, settings, capsys
):
    department = make_department("so-hanh-trinh", "Sở Hành trình", "Journey Department")
    editor = make_user("bien-tap-vien", department.editors_group)
    moderator = make_user("nguoi-duyet", department.moderators_group)
    news_index = NewsIndexPage.objects.child_of(department.site.root_page).get()
    browser = transactional_browser

    ed = login(browser, live_server, editor.username)
    ed.goto(f"{live_server.url}/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    ed.fill("#id_title", "Khởi công đường điện đến xã Đức Hòa")
    shot(ed, "01-editor-new-article")
    ed.fill("#id_summary", "Đường dây 22 kV đưa điện lưới quốc gia đến 300 hộ dân.")
    ed.click("footer [data-w-dropdown-target='toggle'], .footer__container button.dropdown-toggle")
    ed.click("button[name=action-submit]")
    ed.wait_for_selector(".messages")
    shot(ed, "02-editor-submitted")
    article = NewsArticlePage.objects.get(title="Khởi công đường điện đến xã Đức Hòa")
    assert article.workflow_in_progress and not article.live

    mod = login(browser, live_server, moderator.username)
    shot(mod, "03-moderator-dashboard")
    seconds_vi, live_vi = approve(mod, article, static_root, settings.DIST_DIR, live_server.url)
    shot(mod, "04-moderator-live-message")
    ed.goto(f"{live_server.url}/admin/")
    assert_live_message(ed, live_vi)  # the submitter's next page load
    shot(ed, "05-editor-live-message")

    # The editor translates it into English and submits the translation.
    ed.goto(f"{live_server.url}/admin/localize/submit/page/{article.pk}/")
    shot(ed, "06-editor-translate-form")
    ed.check("input[type=checkbox][value]")
    ed.click("main form [type=submit]")
    try:
        ed.wait_for_selector("[data-editorial-panel]")
    finally:
        shot(ed, "07-translation-editor")
    title_en = "Power line construction starts for Duc Hoa commune"
    ed.get_by_role("button", name="Dịch", exact=True).first.click()
    ed.locator("textarea").first.fill(title_en)
    ed.get_by_role("button", name="Lưu", exact=True).first.click()
    ed.wait_for_timeout(1500)  # the editor saves the string over its API
    shot(ed, "08-translation-editor-title")
    ed.click("[data-editorial-submit]")
    ed.wait_for_selector("[data-editorial-in-moderation]")
    shot(ed, "09-translation-submitted")
    english = NewsArticlePage.objects.get(
        translation_key=article.translation_key, locale__language_code="en"
    )
    assert english.workflow_in_progress and not english.live

    seconds_en, live_en = approve(mod, english, static_root, settings.DIST_DIR, live_server.url)
    assert english.get_latest_revision_as_object().title == title_en
    shot(mod, "10-moderator-english-live")
    assert "/en/" in live_en
    mod.goto(live_en)
    assert mod.locator("h1").first.inner_text().strip() == title_en
    shot(mod, "11-static-english-page")

    # The editor changes the Vietnamese source; once approved, the report lists the translation.
    ed.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    ed.fill("#id_summary", "Đường dây 22 kV đưa điện lưới quốc gia đến 320 hộ dân.")
    ed.click("footer [data-w-dropdown-target='toggle'], .footer__container button.dropdown-toggle")
    ed.click("button[name=action-submit]")
    ed.wait_for_selector(".messages")
    shot(ed, "12a-editor-resubmitted")
    article.refresh_from_db()
    assert article.workflow_in_progress
    approve(mod, article, static_root, settings.DIST_DIR, live_server.url)
    ed.goto(f"{live_server.url}/admin/reports/out-of-date-translations/")
    row = ed.locator(f"[data-editorial-report] tr[data-page-id='{english.pk}']")
    assert "Khởi công đường điện đến xã Đức Hòa" in row.inner_text()
    assert title_en in row.inner_text()
    shot(ed, "12-editor-out-of-date-report")
    ed.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    ed.wait_for_selector("[data-editorial-out-of-date]")
    shot(ed, "13-translation-editor-out-of-date")

    # The moderator unpublishes the Vietnamese page; the English one goes with it (ticked).
    files = [
        Path(settings.DIST_DIR) / url[len(static_root) + 1 :] / "index.html"
        for url in (live_vi, live_en)
    ]
    mod.goto(f"{live_server.url}/admin/pages/{article.pk}/unpublish/")
    checkbox = mod.locator("input[name=unpublish_translations]")
    assert checkbox.is_checked()
    shot(mod, "14-moderator-unpublish-both")
    mod.click("main form [type=submit]")
    wait_for(lambda: not any(path.exists() for path in files))
    mod.wait_for_selector(".messages")
    shot(mod, "15-moderator-unpublished")
    english.refresh_from_db()
    article.refresh_from_db()
    assert not article.live and not english.live
    with capsys.disabled():
        print(f"\napproval to live in dist/: vi {seconds_vi:.2f} s, en {seconds_en:.2f} s")
    assert seconds_vi < 30 and seconds_en < 30
