"""The build_site background task: build, index and publish one site, recorded as a BuildRun.

Queued by cms/publishing/queue.request_build (page signals, the admin's
"Rebuild and publish" button). The task runs every queued BuildRun of the
site, one at a time (claim_next refuses while another build of the site is
running; that build takes over the queued run when it finishes). A failure is
recorded on the BuildRun and logged; it never propagates to whoever queued it.
"""

import logging
import time

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .models import BuildRun
from .queue import claim_next, request_build
from .sites import portal_slug

logger = logging.getLogger("cong.build")


class BuildFailed(RuntimeError):
    pass


@task()
def build_site(site_slug, changed_page_ids=()):
    """Run the site's queued build(s); returns the ids of the BuildRuns carried out.

    ``changed_page_ids`` is informational: the queued BuildRun row holds every
    page id coalesced into this build. The pipeline rebuilds the whole site.
    """
    done = []
    while (run := claim_next(site_slug)) is not None:
        execute(run)
        done.append(run.pk)
    return done


def _pipeline():
    from build.pipeline import Pipeline

    from .management.commands.build_sites import close_idle_connections

    return Pipeline(
        dist_dir=settings.DIST_DIR,
        var_dir=settings.VAR_DIR,
        production=settings.BUILD_BASE_URL == "production",
        local_root=settings.BUILD_BASE_URL,
        processes=int(getattr(settings, "PUBLISH_BUILD_PROCESSES", 1)),
        before_fork=close_idle_connections,
    )


def build(run):
    """Export and render the site into dist/<slug>/ (swapped in whole)."""
    summary = _pipeline().run([run.site_slug])
    site = summary.sites[0]
    run.pages, run.files_written = site.pages, site.files
    logger.info(
        "build site=%s run=%s trigger=%s changed_pages=%d pages=%d files=%d seconds=%.3f%s",
        run.site_slug,
        run.pk,
        run.trigger,
        len(run.page_ids),
        site.pages,
        site.files,
        site.seconds,
        f" FAILED: {site.error}" if site.error else "",
    )
    if site.error:
        raise BuildFailed(f"build: {site.error}")


def index(run):
    """Update the shared search index with the site's fresh records."""
    from search.backends import get_backend
    from search.indexing import read_sites, update_site

    sites = read_sites(settings.DIST_DIR / "sites.json", settings.VAR_DIR / "build")
    site = next((s for s in sites if s.slug == run.site_slug), None)
    if site is None or not site.records_path.exists():
        raise BuildFailed(f"search: no records for {run.site_slug} after the build")
    backend = get_backend()
    try:
        report = update_site(site.slug, site.records(), site.base_url, site.site_name, backend)
    finally:
        backend.close()
    run.search_changes = report.upserted + report.deleted


def publish(run):
    """Sync dist/<slug>/ to the site's target (PUBLISH_TARGET overrides every site's)."""
    from build.publish import publish_site
    from build.publish.sites import target_for_site

    target = target_for_site(
        run.site_slug,
        settings.DIST_DIR,
        spec=getattr(settings, "PUBLISH_TARGET", None) or None,
        project_dir=settings.BASE_DIR,
    )
    run.publish_target = target.url
    result = publish_site(settings.DIST_DIR / run.site_slug, run.site_slug, target)
    if not result.noop:
        run.files_uploaded, run.files_deleted = result.uploaded, result.deleted


def execute(run):
    """Build, index, publish; every outcome is saved on ``run``. Never raises."""
    started = time.perf_counter()
    errors = []
    for step in (build, index, publish):
        try:
            step(run)
        except Exception as exc:  # noqa: BLE001 - recorded on the run
            errors.append(str(exc) if isinstance(exc, BuildFailed) else f"{step.__name__}: {exc}")
            logger.exception("build site=%s run=%s step=%s failed", run.site_slug, run.pk, step)
            if step is build:
                break  # nothing new to index or publish; the live site is untouched
    run.error = "\n".join(errors)
    run.status = BuildRun.Status.FAILED if errors else BuildRun.Status.SUCCEEDED
    run.finished_at = timezone.now()
    run.duration = time.perf_counter() - started
    run.save()
    logger.info(
        "build-and-publish site=%s run=%s status=%s pages=%s files=%s uploaded=%s deleted=%s "
        "search_changes=%s seconds=%.3f",
        run.site_slug,
        run.pk,
        run.status,
        run.pages,
        run.files_written,
        run.files_uploaded,
        run.files_deleted,
        run.search_changes,
        run.duration,
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
