"""Queueing, coalescing and claiming site builds (database-level, SQLite and PostgreSQL).

request_build() is what signal handlers and the admin button call. It adds the
page ids to the site's one "queued" BuildRun, or creates that row and enqueues
the build_site task when the transaction commits. Only the creator of the row
enqueues, so a burst of publishes makes one task and one build:

* database backend (production): the task is deferred by PUBLISH_SETTLE_SECONDS
  (default 3); everything published meanwhile lands in the same row.
* immediate backend (default in development and tests): the task runs when the
  editor's transaction commits, so only changes made in one transaction coalesce.

claim_next() moves the site's queued row to "running" with one conditional
UPDATE that also requires no other running build of that site; if one is
running, the claim fails and that build picks the queued row up when it ends.
A running build older than PUBLISH_STALE_SECONDS is considered dead (crashed
worker) and no longer blocks.
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import BuildRun

logger = logging.getLogger("cong.build")

Status = BuildRun.Status


def settle_seconds():
    return float(getattr(settings, "PUBLISH_SETTLE_SECONDS", 3))


def stale_after():
    return timedelta(seconds=settings.PUBLISH_STALE_SECONDS)


def _merge(existing, new):
    return sorted(set(existing or ()) | {int(i) for i in new or ()})


def request_build(site_slug, page_ids=(), *, trigger, user=None, portal_page_ids=(), enqueue=True):
    """Queue a build of the site (or join the queued one). Returns the queued BuildRun.

    ``enqueue=False`` only records the row, for a caller that runs the task itself.
    """
    user_id = user.pk if user is not None and user.is_authenticated else None
    with transaction.atomic():
        queued = (
            BuildRun.objects.select_for_update()
            .filter(site_slug=site_slug, status=Status.QUEUED)
            .first()
        )
        if queued is None:
            try:
                with transaction.atomic():  # savepoint: a concurrent creator may win
                    run = BuildRun.objects.create(
                        site_slug=site_slug,
                        trigger=trigger,
                        triggered_by_id=user_id,
                        page_ids=_merge((), page_ids),
                        portal_page_ids=_merge((), portal_page_ids),
                    )
            except IntegrityError:
                queued = BuildRun.objects.select_for_update().get(
                    site_slug=site_slug, status=Status.QUEUED
                )
            else:
                if enqueue:
                    transaction.on_commit(
                        lambda: apps.get_app_config("publishing").enqueue_build(
                            site_slug, run.page_ids
                        )
                    )
                return run
        queued.page_ids = _merge(queued.page_ids, page_ids)
        queued.portal_page_ids = _merge(queued.portal_page_ids, portal_page_ids)
        queued.requests += 1
        if queued.triggered_by_id is None:
            queued.triggered_by_id = user_id
        queued.save(update_fields=["page_ids", "portal_page_ids", "requests", "triggered_by"])
        return queued


def claim_next(site_slug):
    """The site's queued run, now running; None if none is queued or one is running."""
    now = timezone.now()
    running_elsewhere = BuildRun.objects.filter(
        site_slug=OuterRef("site_slug"),
        status=Status.RUNNING,
        started_at__gt=now - stale_after(),
    )
    BuildRun.objects.filter(
        site_slug=site_slug, status=Status.RUNNING, started_at__lte=now - stale_after()
    ).update(
        status=Status.FAILED,
        finished_at=now,
        error="abandoned: the build stopped without finishing (worker restarted?)",
    )
    with transaction.atomic():
        candidate = (
            BuildRun.objects.filter(site_slug=site_slug, status=Status.QUEUED)
            .values_list("pk", flat=True)
            .first()
        )
        if candidate is None:
            return None
        # One statement: only one of two concurrent claimers can change the row,
        # and none can while another build of the site is running.
        claimed = (
            BuildRun.objects.filter(pk=candidate, status=Status.QUEUED)
            .filter(~Exists(running_elsewhere))
            .update(status=Status.RUNNING, started_at=now)
        )
    if not claimed:
        return None
    return BuildRun.objects.get(pk=candidate)


def latest_run_with_page(site_slug, page_id, *, scan=20):
    """The most recent BuildRun of the site that includes the page (a Python scan of the
    last few runs: SQLite has no JSON "contains" lookup)."""
    for run in BuildRun.objects.filter(site_slug=site_slug)[:scan]:
        if page_id in (run.page_ids or ()):
            return run
    return None


def attribute_to_user(site_slug, page_id, user):
    """Name the admin user on the build their unpublish/move/delete queued (signals do not
    carry the request's user; Wagtail's after_* hooks do)."""
    run = latest_run_with_page(site_slug, page_id)
    if run is not None and run.triggered_by_id is None and user.is_authenticated:
        BuildRun.objects.filter(pk=run.pk, triggered_by=None).update(triggered_by=user)
