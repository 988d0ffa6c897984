"""The build_site background task: build, index and publish one site, recorded as a BuildRun.

Queued by cms/publishing/queue.request_build (page signals, the admin's
"Rebuild and publish" button). The task runs every queued BuildRun of the
site, one at a time (claim_next refuses while another build of the site is
running; that build takes over the queued run when it finishes). A failure is
recorded on the BuildRun and logged; it never propagates to whoever queued it.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from search.pending import clear_pending, is_pending, mark_pending

from . import buildstate
from .models import BuildRun
from .queue import claim_next, request_build, settle_seconds
from .sites import portal_slug

logger = logging.getLogger("cong.build")


class BuildFailed(RuntimeError):
    pass


@task()
def build_site(site_slug, changed_page_ids=()):
    """Run the site's queued build(s); returns the ids of the BuildRuns carried out.

    ``changed_page_ids`` is informational: the queued BuildRun row holds every
    page id coalesced into this build, and the build re-exports just those
    (incremental; a manual rebuild is full).
    """
    done = []
    while (run := claim_next(site_slug)) is not None:
        execute(run)
        done.append(run.pk)
    return done


def _pipeline(stale_records=()):
    from build.pipeline import Pipeline

    from .connections import close_idle_connections

    return Pipeline(
        dist_dir=settings.DIST_DIR,
        var_dir=settings.VAR_DIR,
        production=settings.BUILD_BASE_URL == "production",
        local_root=settings.BUILD_BASE_URL,
        processes=settings.PUBLISH_BUILD_PROCESSES,
        before_fork=close_idle_connections,
        defer_bookkeeping=True,  # publish first: see save_state
        stale_records=stale_records,
    )


def build(run):
    """Export and render the site into dist/<slug>/: only what the run's pages changed,
    or everything (swapped in whole) for a manual rebuild or the site's first build."""
    full = run.trigger == BuildRun.Trigger.MANUAL
    stale = buildstate.prepare(run)  # another host may have built the site since
    summary = _pipeline(stale).run(
        [run.site_slug], full=full, changes={run.site_slug: list(run.page_ids or ())}
    )
    site = summary.sites[0]
    run.pages, run.files_written = site.pages, site.files
    run.summary, run.result = summary, site  # for the next steps: changed files, redirects
    logger.info(
        "build site=%s run=%s trigger=%s mode=%s changed_pages=%d pages=%d files=%d seconds=%.3f%s",
        run.site_slug,
        run.pk,
        run.trigger,
        "incremental" if site.incremental else "full",
        len(run.page_ids),
        site.pages,
        site.files,
        site.seconds,
        f" FAILED: {site.error}" if site.error else "",
    )
    if site.error:
        raise BuildFailed(f"build: {site.error}")


def index(run):
    """Update the shared search index with the site's fresh records.

    The pages are already live when this runs: a search backend that is down
    does not fail the run. The site is marked as pending (search/pending.py)
    and the update is retried by a deferred task (database backend) and by
    every later build or `index_search` run, whichever comes first.
    """
    try:
        run.search_changes = update_index(run.site_slug)
    except Exception as exc:  # noqa: BLE001 - recorded, retried
        mark_pending(settings.VAR_DIR, run.site_slug)
        run.warning = str(exc) or type(exc).__name__
        logger.warning("index site=%s run=%s failed, retry queued: %s", run.site_slug, run.pk, exc)
        schedule_index_retry(run.site_slug, attempt=1)


def update_index(site_slug):
    """Upserts and deletes for one site; returns the number of changes. Clears its
    pending mark."""
    from search.backends import get_backend
    from search.indexing import read_sites, update_site

    sites = read_sites(settings.DIST_DIR / "sites.json", settings.VAR_DIR / "build")
    site = next((s for s in sites if s.slug == site_slug), None)
    if site is None or not site.records_path.exists():
        raise BuildFailed(f"search: no records for {site_slug} after the build")
    backend = get_backend()
    try:
        report = update_site(site.slug, site.records(), site.base_url, site.site_name, backend)
    finally:
        backend.close()
    clear_pending(settings.VAR_DIR, site_slug)
    return report.upserted + report.deleted


INDEX_RETRY_DELAYS = (30, 120, 600, 1800, 3600)  # seconds before attempts 1, 2, …


def schedule_index_retry(site_slug, attempt):
    """Queue retry_index in INDEX_RETRY_DELAYS[attempt - 1] seconds (backends that defer)."""
    if attempt > len(INDEX_RETRY_DELAYS):
        logger.error("index site=%s: giving up after %d retries", site_slug, attempt - 1)
        return
    task = retry_index
    try:
        if not task.get_backend().supports_defer:
            return  # immediate backend: the next build or index_search catches up
        delay = timedelta(seconds=INDEX_RETRY_DELAYS[attempt - 1])
        task.using(run_after=timezone.now() + delay).enqueue(site_slug, attempt)
    except Exception:  # noqa: BLE001
        logger.exception("index site=%s: retry could not be queued", site_slug)


@task()
def retry_index(site_slug, attempt=1):
    """A deferred retry of a failed search index update."""
    if not is_pending(settings.VAR_DIR, site_slug):
        return 0  # a later build already brought the index up to date
    try:
        return update_index(site_slug)
    except Exception as exc:  # noqa: BLE001
        logger.warning("index site=%s retry %d failed: %s", site_slug, attempt, exc)
        schedule_index_retry(site_slug, attempt + 1)
        return None


def publish(run):
    """Sync dist/<slug>/ to the site's target (PUBLISH_TARGET overrides every site's).

    After an incremental build only the files it changed or deleted are
    compared and sent, unless the site's last publish did not succeed: then
    everything is compared, so what that one left undone is completed too.
    """
    from build.publish import publish_site
    from build.publish.sites import target_for_site

    target = target_for_site(
        run.site_slug,
        settings.DIST_DIR,
        spec=getattr(settings, "PUBLISH_TARGET", None) or None,
        project_dir=settings.BASE_DIR,
    )
    run.publish_target = target.url
    site = getattr(run, "result", None)
    paths = site.changed_paths if site is not None else None
    if paths is not None and not last_publish_succeeded(run, target.url):
        paths = None
    result = publish_site(
        settings.DIST_DIR / run.site_slug,
        run.site_slug,
        target,
        paths=paths,
        redirects=site.redirects if site is not None else None,
    )
    if not result.noop:
        run.files_uploaded, run.files_deleted = result.uploaded, result.deleted


def save_state(run):
    """Save the build's records file and manifest (deferred until the pages are live)."""
    summary = getattr(run, "summary", None)
    if summary is not None:
        summary.finalize()
        buildstate.mark_built(run)


def last_publish_succeeded(run, target_url):
    """Did the site's previous run publish everything to this same target?"""
    before = (
        BuildRun.objects.filter(site_slug=run.site_slug, finished_at__isnull=False)
        .exclude(pk=run.pk)
        .order_by("-finished_at")
        .first()
    )
    return (
        before is not None
        and before.status == BuildRun.Status.SUCCEEDED
        and before.publish_target == target_url
    )


def execute(run):
    """Build, publish, index; every outcome is saved on ``run``. Never raises.

    Publish comes before the bookkeeping and the search index: the edit is
    live as soon as possible, and an index failure (retried later) leaves it live.
    """
    started = time.perf_counter()
    errors = []
    run.timings = {}
    for step in (build, publish, save_state, index):
        step_started = time.perf_counter()
        try:
            step(run)
        except Exception as exc:  # noqa: BLE001 - recorded on the run
            errors.append(str(exc) if isinstance(exc, BuildFailed) else f"{step.__name__}: {exc}")
            logger.exception("build site=%s run=%s step=%s failed", run.site_slug, run.pk, step)
            if step is build:
                break  # nothing new to publish or index; the live site is untouched
        finally:
            run.timings[step.__name__] = round(time.perf_counter() - step_started, 3)
    run.error = "\n".join(errors)
    run.status = BuildRun.Status.FAILED if errors else BuildRun.Status.SUCCEEDED
    run.finished_at = timezone.now()
    run.duration = time.perf_counter() - started
    run.save()
    logger.info(
        "build-and-publish site=%s run=%s status=%s pages=%s files=%s uploaded=%s deleted=%s "
        "search_changes=%s seconds=%.3f steps=%s",
        run.site_slug,
        run.pk,
        run.status,
        run.pages,
        run.files_written,
        run.files_uploaded,
        run.files_deleted,
        run.search_changes,
        run.duration,
        ",".join(f"{name}:{seconds}" for name, seconds in run.timings.items()),
    )
    if run.status == BuildRun.Status.SUCCEEDED and run.portal_page_ids:
        queue_portal(run)


def queue_portal(run):
    """The portal lists some of the pages just rebuilt: it rebuilds from the fresh records."""
    slug = portal_slug()
    if not slug or slug == run.site_slug:
        return
    try:
        request_build(
            slug, run.portal_page_ids, trigger=BuildRun.Trigger.PORTAL, user=run.triggered_by
        )
    except Exception:  # noqa: BLE001
        logger.exception("portal build not queued after run %s", run.pk)


def enqueue_build(site_slug, page_ids):
    """Hand the build to the task backend; a failure is logged, never raised to the editor."""
    task = build_site
    delay = settle_seconds()
    try:
        if delay > 0 and task.get_backend().supports_defer:
            task = task.using(run_after=timezone.now() + timedelta(seconds=delay))
        task.enqueue(site_slug, list(page_ids))
    except Exception:  # noqa: BLE001 - the page is published; the queued row stays for later
        logger.exception("build site=%s could not be enqueued", site_slug)
