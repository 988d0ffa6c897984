"""The schedule dialog at 1366×900 in chromium, as a Vietnamese department editor.

The go-live date picker used to open over the dialog's "Save schedule"
button, so a click meant for the button picked a day instead. Here the picker
is opened and the button must still be the element under its own centre.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from cms.news.models import NewsArticlePage, NewsIndexPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "Lich-dang-bai-2026-x"
SHOTS = os.environ.get("CONG_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))


def test_the_date_picker_leaves_save_schedule_clickable(
    make_department, live_server, transactional_browser, settings
):
    settings.PUBLISH_ON_SAVE = False
    department = make_department("so-lich-hen")
    editor = get_user_model().objects.create_user("bientap-lich", password=PASSWORD)
    editor.groups.add(department.editors_group)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "vi"  # the admin language an editor picks in their account
    profile.save()
    index = NewsIndexPage.objects.child_of(department.site.root_page).get()
    article = NewsArticlePage(title="Thông báo lịch tiếp dân", slug="lich-tiep-dan")
    index.add_child(instance=article)
    article.save_revision()

    context = transactional_browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "bientap-lich")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    shot(page, "edit-view")
    page.locator("[data-side-panel-toggle='status']").click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    dialog = page.locator("#schedule-publishing-dialog")
    go_live = dialog.locator("input[name=go_live_at]")
    go_live.wait_for()
    go_live.click()
    picker = page.locator(".xdsoft_datetimepicker:visible").first
    picker.wait_for()
    go_live.fill("2030-01-15 08:00")
    shot(page, "schedule-dialog-picker-open")

    save = dialog.get_by_role("button", name="Lưu lịch")
    box = save.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    under = page.evaluate(
        "([x, y]) => { const e = document.elementFromPoint(x, y);"
        " return e && !!e.closest('#schedule-publishing-dialog button.action-save'); }",
        list(centre),
    )
    assert under, "the date picker covers the Save schedule button"
    with page.expect_navigation():  # one click submits: the button stays under the pointer
        page.mouse.click(*centre)
    shot(page, "schedule-dialog-saved")
    context.close()
    # The click reached the button: the draft was saved with the typed go-live time.
    revision = article.revisions.order_by("-created_at", "-pk").first()
    assert revision.content.get("go_live_at", "").startswith("2030-01-15"), revision.content.get(
        "go_live_at"
    )
