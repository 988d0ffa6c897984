# ruff: noqa: F811 - pytest fixtures imported from onsave_support are parameters here
"""Publish on save: page signals queue one coalesced build per site, run one at a time.

Real page publishes (Wagtail's revision.publish), real builds (build.pipeline),
real search indexing (SQLite backend) and a real folder publish target, all in
tmp_path. Coalescing and mutual exclusion are checked with the dummy task
backend, which records enqueued tasks without running them, so nothing depends
on timing.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from cms.core.translation import translate
from cms.publishing.models import BuildRun
from cms.publishing.queue import claim_next, request_build
from cms.publishing.sites import department_for_page
from cms.publishing.tasks import build_site
from search.backends import get_backend

from .onsave_support import (  # noqa: F401 - fixtures
    add_article,
    build_dirs,
    dummy_tasks,
    immediate_tasks,
    publish,
)

Status = BuildRun.Status


def enqueued_builds(backend):
    return [r for r in backend.results if r.task.name == "build_site"]


def test_ten_publishes_make_one_queued_build_and_one_task(
    make_department, build_dirs, dummy_tasks, django_capture_on_commit_callbacks
):
    department = make_department("so-a")
    pages = [add_article(department, f"bai-{n}") for n in range(10)]
    BuildRun.objects.all().delete()  # provisioning's own publishes are not under test
    dummy_tasks.clear()

    with django_capture_on_commit_callbacks(execute=True):
        for page in pages:
            publish(page)

    queued = BuildRun.objects.get()
    assert queued.status == Status.QUEUED
    assert queued.site_slug == "so-a"
    assert queued.trigger == BuildRun.Trigger.PUBLISH
    assert queued.page_ids == sorted(p.pk for p in pages)
    assert queued.requests == 10
    tasks = enqueued_builds(dummy_tasks)
    assert len(tasks) == 1
    assert tasks[0].args[0] == "so-a"

    # The worker runs it: one build for the ten pages, built, indexed and published.
    assert build_site.call("so-a", tasks[0].args[1]) == [queued.pk]
    run = BuildRun.objects.get()
    assert run.status == Status.SUCCEEDED, run.error
    assert run.pages >= 10 and run.files_written > 0
    assert run.started_at >= run.queued_at and run.finished_at >= run.started_at
    assert run.duration > 0
    for page in pages:
        assert (build_dirs / "dist/so-a/vi/tin-tuc" / page.slug / "index.html").is_file()
        assert (build_dirs / "www/so-a/vi/tin-tuc" / page.slug / "index.html").is_file()
    assert run.files_uploaded > 0 and run.files_deleted == 0
    backend = get_backend()
    try:
        indexed = backend.site_state("so-a")
    finally:
        backend.close()
    assert len(indexed) >= 10 and run.search_changes == len(indexed)
    # Nothing else queued: running the task again builds nothing.
    assert build_site.call("so-a", []) == []


def test_a_site_never_builds_twice_at_once(make_department, build_dirs, dummy_tasks):
    make_department("so-b")
    BuildRun.objects.all().delete()
    running = BuildRun.objects.create(
        site_slug="so-b",
        trigger=BuildRun.Trigger.MANUAL,
        status=Status.RUNNING,
        started_at=timezone.now(),
    )
    queued = request_build("so-b", [1, 2], trigger=BuildRun.Trigger.PUBLISH)

    assert claim_next("so-b") is None
    assert build_site.call("so-b", [1, 2]) == []
    queued.refresh_from_db()
    assert queued.status == Status.QUEUED
    assert not (build_dirs / "dist/so-b").exists()

    # Another site is not blocked by so-b's running build.
    other = request_build("so-other", [3], trigger=BuildRun.Trigger.PUBLISH)
    assert claim_next("so-other").pk == other.pk

    # When the running build ends, the queued one can be claimed, exactly once.
    BuildRun.objects.filter(pk=running.pk).update(status=Status.SUCCEEDED)
    claimed = claim_next("so-b")
    assert claimed.pk == queued.pk and claimed.status == Status.RUNNING
    assert claim_next("so-b") is None


def test_a_dead_running_build_stops_blocking_after_the_stale_limit(
    make_department, build_dirs, dummy_tasks, settings
):
    settings.PUBLISH_STALE_SECONDS = 600
    BuildRun.objects.all().delete()
    dead = BuildRun.objects.create(
        site_slug="so-c",
        trigger=BuildRun.Trigger.MANUAL,
        status=Status.RUNNING,
        started_at=timezone.now() - timedelta(seconds=601),
    )
    queued = request_build("so-c", [], trigger=BuildRun.Trigger.MANUAL)
    assert claim_next("so-c").pk == queued.pk
    dead.refresh_from_db()
    assert dead.status == Status.FAILED and "abandoned" in dead.error


def test_a_publish_during_a_build_queues_a_new_build(make_department, build_dirs, dummy_tasks):
    department = make_department("so-d")
    first, second = add_article(department, "mot"), add_article(department, "hai")
    BuildRun.objects.all().delete()
    publish(first)
    run = claim_next("so-d")  # the build has started
    publish(second)
    queued = BuildRun.objects.get(status=Status.QUEUED)
    assert run.page_ids == [first.pk]
    assert queued.pk != run.pk and queued.page_ids == [second.pk]


def test_english_pages_map_to_their_department(make_department, build_dirs, dummy_tasks):
    department = make_department("so-e")
    make_department("so-f")
    page = publish(add_article(department, "song-ngu"))
    english = translate(page, "en", {"Bài song-ngu": "Bilingual", "song-ngu": "bilingual"})
    assert english.locale.language_code == "en"
    assert department_for_page(english).slug == "so-e"
    BuildRun.objects.all().delete()
    publish(english)
    assert BuildRun.objects.get().site_slug == "so-e"
    assert BuildRun.objects.get().page_ids == [english.pk]


def test_portal_is_rebuilt_after_a_department_page_it_lists(
    make_department, build_dirs, dummy_tasks
):
    make_department("portal", is_portal=True)
    department = make_department("so-g")
    listed = add_article(department, "len-cong", show_on_portal=True)
    unlisted = add_article(department, "chi-so", show_on_portal=False)
    BuildRun.objects.all().delete()
    publish(listed)
    publish(unlisted)
    queued = BuildRun.objects.get()
    assert queued.site_slug == "so-g"
    assert queued.portal_page_ids == [listed.pk]

    build_site.call("so-g", [])
    portal = BuildRun.objects.get(site_slug="portal")
    assert portal.status == Status.QUEUED
    assert portal.trigger == BuildRun.Trigger.PORTAL
    assert portal.page_ids == [listed.pk]


def test_unpublish_move_and_delete_reach_the_live_site(
    make_department, build_dirs, immediate_tasks, django_capture_on_commit_callbacks
):
    department = make_department("so-h")
    page = add_article(department, "se-go")
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    live = build_dirs / "www/so-h/vi/tin-tuc/se-go/index.html"
    assert live.is_file()
    assert BuildRun.objects.filter(site_slug="so-h").latest("pk").status == Status.SUCCEEDED

    with django_capture_on_commit_callbacks(execute=True):
        page.specific.unpublish()
    run = BuildRun.objects.filter(site_slug="so-h").latest("pk")
    assert (run.trigger, run.status, run.page_ids) == ("unpublish", Status.SUCCEEDED, [page.pk])
    assert not live.exists()
    assert run.files_deleted >= 1

    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert live.is_file()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    run = BuildRun.objects.filter(site_slug="so-h").latest("pk")
    assert (run.trigger, run.status) == ("delete", Status.SUCCEEDED)
    assert not live.exists()


def test_a_failed_publish_step_is_recorded_and_the_page_stays_published(
    make_department, build_dirs, immediate_tasks, settings, django_capture_on_commit_callbacks
):
    department = make_department("so-i")
    settings.PUBLISH_TARGET = "ftp://nowhere.invalid/www"
    page = add_article(department, "loi")
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    assert page.live
    run = BuildRun.objects.filter(site_slug="so-i").latest("pk")
    assert run.status == Status.FAILED
    assert "ftp://nowhere.invalid/www" in run.error
    assert run.pages > 0  # the build itself went through; publishing did not
    assert (build_dirs / "dist/so-i/vi/tin-tuc/loi/index.html").is_file()


def test_publish_on_save_can_be_switched_off(make_department, build_dirs, dummy_tasks, settings):
    department = make_department("so-j")
    settings.PUBLISH_ON_SAVE = False
    BuildRun.objects.all().delete()
    publish(add_article(department, "tat"))
    assert not BuildRun.objects.exists()


def test_a_moved_page_is_rebuilt_at_its_new_address(
    make_department, build_dirs, immediate_tasks, django_capture_on_commit_callbacks
):
    from cms.core.models import StandardPage

    department = make_department("so-k")
    about = StandardPage.objects.child_of(department.site.root_page).get(slug="gioi-thieu")
    page = StandardPage(title="Lịch sử", slug="lich-su", live=False)
    department.site.root_page.add_child(instance=page)
    with django_capture_on_commit_callbacks(execute=True):
        publish(page)
    old = build_dirs / "www/so-k/vi/lich-su/index.html"
    new = build_dirs / "www/so-k/vi/gioi-thieu/lich-su/index.html"
    assert old.is_file() and not new.exists()

    with django_capture_on_commit_callbacks(execute=True):
        page.move(about, pos="last-child")
    run = BuildRun.objects.filter(site_slug="so-k").latest("pk")
    assert (run.trigger, run.status, run.page_ids) == ("move", Status.SUCCEEDED, [page.pk])
    assert new.is_file()


def test_a_page_moved_to_another_site_rebuilds_both(make_department, build_dirs, dummy_tasks):
    from cms.core.models import StandardPage

    source, destination = make_department("so-m"), make_department("so-n")
    page = StandardPage(title="Chuyển đi", slug="chuyen-di", live=False)
    source.site.root_page.add_child(instance=page)
    publish(page)
    BuildRun.objects.all().delete()
    page.move(destination.site.root_page, pos="last-child")
    queued = {run.site_slug: run.page_ids for run in BuildRun.objects.all()}
    assert queued == {"so-m": [page.pk], "so-n": [page.pk]}


def test_rebuild_and_publish_command_runs_now_and_reports(
    make_department, build_dirs, dummy_tasks, capsys
):
    from django.core.management import CommandError, call_command

    make_department("so-p")
    BuildRun.objects.all().delete()
    call_command("rebuild_and_publish", "--site", "so-p", "--now")
    out = capsys.readouterr().out
    run = BuildRun.objects.get()
    assert (run.trigger, run.status) == ("manual", Status.SUCCEEDED)
    assert out.startswith("so-p: succeeded in ") and f"{run.pages} pages" in out
    assert (build_dirs / "www/so-p/vi/index.html").is_file()
    assert enqueued_builds(dummy_tasks) == []

    call_command("rebuild_and_publish", "--site", "so-p")
    assert BuildRun.objects.filter(status=Status.QUEUED).count() == 1
    with pytest.raises(CommandError, match="no-such"):
        call_command("rebuild_and_publish", "--site", "no-such")
