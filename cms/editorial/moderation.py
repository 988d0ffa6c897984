"""English translations through the department's workflow, like any page.

wagtail-localize publishes translations outside workflows (wagtail-localize
#655, #676): its editor offers "Publish" to those who may publish and nothing
to the others. `submit_translation` saves the translator's strings as a new
draft revision of the translated page and starts the page's workflow on it,
so the moderator reviews it in "awaiting your review" and approval publishes
it through the normal signals and build.
"""

import logging

from django.db import transaction
from wagtail.models import Page
from wagtail.signals import workflow_approved

from cms.core.translation import translation_of

from .models import LiveNotice

logger = logging.getLogger("cong.editorial")


class CannotSubmit(Exception):
    """The page cannot be submitted now; the message says why (translated)."""


def can_submit(page, user):
    perms = page.permissions_for_user(user)
    return (
        perms.can_submit_for_moderation()
        and page.get_workflow() is not None
        and not page.workflow_in_progress
    )


@transaction.atomic
def submit_translation(page, user):
    """Save the translation's current strings as a draft and start the workflow on it."""
    from django.utils.translation import gettext as _

    if not can_submit(page, user):
        if page.workflow_in_progress:
            raise CannotSubmit(_("This page is already awaiting review."))
        raise CannotSubmit(_("You may not submit this page for review."))
    translation = translation_of(page)
    if translation is not None:
        translation.save_target(user=user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
    elif page.get_latest_revision() is None:
        page.save_revision(user=user)
    workflow = page.get_workflow()
    return workflow.start(page, user)


def _notify_live(sender, instance, user=None, **kwargs):
    """Approval published the page: tell the approver and the submitter where it is live."""
    try:
        page = instance.content_object
        if not isinstance(page, Page):
            return
        users = {u for u in (user, instance.requested_by) if u is not None}
        LiveNotice.objects.bulk_create(LiveNotice(user=u, page_id=page.pk) for u in users)
    except Exception:  # noqa: BLE001 - a notice must never break an approval
        logger.exception("no live notice for workflow state %s", instance.pk)


def connect():
    workflow_approved.connect(_notify_live, dispatch_uid="editorial.notify_live")
