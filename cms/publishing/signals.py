"""Page changes queue a build of their site (and of the portal when it lists them).

Connected in PublishingConfig.ready(). Handlers only record the request
(queue.request_build) and never raise: a build problem must not stop an
editor from publishing. Set PUBLISH_ON_SAVE = False (environment
PUBLISH_ON_SAVE=0) to turn this off, e.g. for bulk imports; `paused()` does the
same for one block of code.
"""

import logging
import threading
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import BuildRun
from .queue import request_build
from .sites import department_for_page, shown_on_portal

logger = logging.getLogger("cong.build")
Trigger = BuildRun.Trigger
_state = threading.local()


@contextmanager
def paused():
    """No builds are queued for page changes made inside this block (this thread)."""
    previous = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = previous


def enabled():
    return getattr(settings, "PUBLISH_ON_SAVE", True) and not getattr(_state, "paused", False)


def queue_page_change(page, trigger, user=None):
    """Queue the build of the page's site; returns the BuildRun or None. Never raises."""
    if not enabled():
        return None
    try:
        department = department_for_page(page)
        if department is None:
            return None
        portal_ids = [page.pk] if not department.is_portal and shown_on_portal(page) else []
        with transaction.atomic():  # a failure rolls back to here, not the editor's work
            return request_build(
                department.slug,
                [page.pk],
                trigger=trigger,
                user=user,
                portal_page_ids=portal_ids,
            )
    except Exception:  # noqa: BLE001 - logged; the editor's action goes on
        logger.exception("build not queued for page %s (%s)", page.pk, trigger)
        return None


def on_page_published(sender, instance, revision=None, **kwargs):
    queue_page_change(instance, Trigger.PUBLISH, getattr(revision, "user", None))


def on_page_unpublished(sender, instance, **kwargs):
    queue_page_change(instance, Trigger.UNPUBLISH)


def on_page_moved(
    sender, instance, parent_page_before=None, url_path_before=None, url_path_after=None, **kwargs
):
    if url_path_before == url_path_after or not instance.live:
        return  # a reorder among siblings, or a draft: nothing changes on the public sites
    run = queue_page_change(instance, Trigger.MOVE)
    if parent_page_before is None or not enabled():
        return
    try:  # moved out of another site: that site must drop it too
        before = department_for_page(parent_page_before)
        if before is not None and (run is None or before.slug != run.site_slug):
            with transaction.atomic():
                request_build(before.slug, [instance.pk], trigger=Trigger.MOVE)
    except Exception:  # noqa: BLE001
        logger.exception("build not queued for the former site of page %s", instance.pk)


def on_page_deleted(sender, instance, **kwargs):
    # pre_delete: the page is still in the tree, so its site can be found.
    # Sent once per model in the inheritance chain (and for every descendant);
    # request_build merges the ids into one queued build.
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        queue_page_change(instance, Trigger.DELETE)


def connect():
    page_published.connect(on_page_published, dispatch_uid="publishing.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="publishing.page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="publishing.page_moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="publishing.page_deleted")
