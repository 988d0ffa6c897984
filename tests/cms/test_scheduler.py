# ruff: noqa: F811 - pytest fixtures imported from onsave_support are parameters here
"""The scheduler (cms/scheduler): cron schedules, failing jobs, and go-live through the build.

The end-to-end tests use real page publishes, real builds into tmp dist/ and a
real folder publish target; the schedule is moved to an explicit past time,
which is what `run_scheduler --once` sees once the real clock passes it.
"""

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from cms.news.models import NewsArticlePage
from cms.scheduler.jobs import JOBS, Job, run_due, run_forever
from tests.publish.onsave_support import (  # noqa: F401 - fixtures
    add_article,
    build_dirs,
    immediate_tasks,
)

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
BY_NAME = {job.name: job for job in JOBS}


def test_publish_scheduled_is_due_every_minute_and_purges_only_at_night_in_vietnam():
    publish = BY_NAME["publish_scheduled"]
    purge = BY_NAME["purge_feedback"]
    for minute in (0, 1, 37, 59):
        assert publish.is_due(datetime(2026, 12, 3, 14, minute, 30, tzinfo=HCM))
    assert purge.is_due(datetime(2026, 12, 3, 2, 15, 40, tzinfo=HCM))
    assert not purge.is_due(datetime(2026, 12, 3, 2, 16, tzinfo=HCM))
    # 02:15 UTC is 09:15 in Vietnam: the morning, not the night.
    assert not purge.is_due(datetime(2026, 12, 3, 2, 15, tzinfo=ZoneInfo("UTC")))
    assert purge.next_after(datetime(2026, 12, 3, 14, 0, tzinfo=HCM)) == datetime(
        2026, 12, 4, 2, 15, tzinfo=HCM
    )


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_next_one_still_runs(caplog):
    jobs = (Job("broken", "* * * * *", "no_such_command"), Job("fine", "* * * * *", "check"))
    with caplog.at_level(logging.INFO, logger="cong.scheduler"):
        assert run_due(jobs, timezone.now()) == {"broken": False, "fine": True}
    messages = [r.getMessage() for r in caplog.records]
    assert any(m.startswith("job broken failed after") for m in messages)
    assert any(m.startswith("job fine finished in") for m in messages)
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.ERROR)


@pytest.mark.django_db
def test_the_loop_runs_each_job_when_its_time_comes_and_survives_failures(caplog):
    # The loop's clock and sleep are injected: three simulated minutes, no waiting.
    start = datetime(2026, 12, 3, 2, 13, 50, tzinfo=HCM)
    clock = [start]
    sleeps = []

    def sleep(seconds):
        sleeps.append(seconds)
        clock[0] += timedelta(seconds=seconds)

    jobs = (
        Job("every-minute", "* * * * *", "check"),
        Job("broken", "* * * * *", "no_such_command"),
        Job("nightly", "15 2 * * *", "check"),
    )
    with caplog.at_level(logging.INFO, logger="cong.scheduler"):
        run_forever(
            jobs,
            sleep=sleep,
            now=lambda: clock[0],
            keep_going=lambda: clock[0] < start + timedelta(minutes=3),
        )
    started = [r.getMessage() for r in caplog.records if r.getMessage().endswith(" started")]
    # 02:14, 02:15, 02:16 for the minute jobs (the failing one included); 02:15 for the nightly.
    assert started.count("job every-minute started") == 3
    assert started.count("job broken started") == 3
    assert started.count("job nightly started") == 1
    assert all(0 < s <= 60 for s in sleeps)


def test_once_with_an_unknown_job_is_a_clear_error():
    with pytest.raises(CommandError, match="Unknown job"):
        call_command("run_scheduler", "--once", "--job", "nope")


def _schedule_passed(page, revision, *, go_live_at):
    """What the stored schedule looks like once the real clock has passed it."""
    revision.approved_go_live_at = go_live_at
    revision.content["go_live_at"] = go_live_at.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    NewsArticlePage.objects.filter(pk=page.pk).update(go_live_at=go_live_at)


def test_scheduled_page_goes_live_and_expires_in_dist_through_run_scheduler_once(
    make_department, build_dirs, immediate_tasks, django_capture_on_commit_callbacks
):
    department = make_department("so-hen")
    page = add_article(department, "hen-gio")
    now = timezone.now()
    page.go_live_at = now + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        revision.publish()
    built = build_dirs / "dist/so-hen/vi/tin-tuc/hen-gio/index.html"
    published = build_dirs / "www/so-hen/vi/tin-tuc/hen-gio/index.html"

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert not page.live and not built.exists(), "live before its go-live time"

    _schedule_passed(page, revision, go_live_at=now - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert page.live
    assert built.is_file() and published.is_file()
    assert "Bài hen-gio" in built.read_text(encoding="utf-8")

    NewsArticlePage.objects.filter(pk=page.pk).update(expire_at=now - timedelta(seconds=5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_scheduler", "--once")
    page.refresh_from_db()
    assert not page.live and page.expired
    assert not built.exists() and not published.exists()
